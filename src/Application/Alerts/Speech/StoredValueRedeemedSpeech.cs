using CodeScan.Application.ReadModels;
using static CodeScan.Application.Alerts.Speech.Spoken;

namespace CodeScan.Application.Alerts.Speech;

/// <summary>A payment from stored value; the till is told what to collect when it did not cover the bill.</summary>
internal static class StoredValueRedeemedSpeech
{
    /// <summary>
    /// "储值消费 44.00 元，原价 50.00 元，优惠 6.00 元，会员尾号 1234，余额 56.00 元"; when stored value did not
    /// cover the bill the till is told to collect the rest ("请另收 20.00 元").
    /// </summary>
    public static string Zh(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string>();
        if (alert.Amount > 0)
        {
            parts.Add($"储值消费 {ZhMoney(alert.Amount, alert)}");
            if (alert.Discount > 0)
            {
                parts.Add($"原价 {ZhMoney(alert.Bill, alert)}");
            }
        }
        else
        {
            parts.Add($"消费 {ZhMoney(alert.Bill, alert)}");
        }

        if (alert.Discount > 0)
        {
            parts.Add($"优惠 {ZhMoney(alert.Discount, alert)}");
        }

        return ZhPaymentEnd(parts, alert, lastFour);
    }

    public static string En(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string>();
        if (alert.Amount > 0)
        {
            parts.Add(alert.Discount > 0
                ? $"Received {EnMoney(alert.Amount, alert)} from stored value for a bill of {EnMoney(alert.Bill, alert)}"
                : $"Received {EnMoney(alert.Amount, alert)} from stored value");
        }
        else
        {
            parts.Add($"A bill of {EnMoney(alert.Bill, alert)}");
        }

        if (alert.Discount > 0)
        {
            parts.Add($"{EnMoney(alert.Discount, alert)} off");
        }

        return EnPaymentEnd(parts, alert, lastFour);
    }
}
