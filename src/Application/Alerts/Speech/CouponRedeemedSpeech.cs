using CodeScan.Application.ReadModels;
using static CodeScan.Application.Alerts.Speech.Spoken;

namespace CodeScan.Application.Alerts.Speech;

/// <summary>A coupon used at the till: its gift or discount, and what stored value or the till paid for the rest.</summary>
internal static class CouponRedeemedSpeech
{
    public static string Zh(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string> { $"优惠券「{alert.ItemName}」核销" };
        if (alert.Gift is not null)
        {
            parts.Add($"赠品 {alert.Gift}");
        }

        if (alert.Discount > 0)
        {
            parts.Add($"抵扣 {ZhMoney(alert.Discount, alert)}");
        }

        if (alert.Amount > 0)
        {
            parts.Add($"储值支付 {ZhMoney(alert.Amount, alert)}");
        }

        if (alert.PaidOutside > 0)
        {
            parts.Add($"请另收 {ZhMoney(alert.PaidOutside, alert)}");
        }

        parts.Add($"会员尾号 {lastFour}");
        if (alert.Amount > 0)
        {
            parts.Add($"余额 {ZhMoney(alert.BalanceAfter, alert)}");
        }

        return string.Join("，", parts);
    }

    public static string En(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string> { $"Coupon \"{alert.ItemName}\" redeemed" };
        if (alert.Gift is not null)
        {
            parts.Add($"hand over \"{alert.Gift}\"");
        }

        if (alert.Discount > 0)
        {
            parts.Add($"{EnMoney(alert.Discount, alert)} off");
        }

        if (alert.Amount > 0)
        {
            parts.Add($"{EnMoney(alert.Amount, alert)} from stored value");
        }

        if (alert.PaidOutside > 0)
        {
            parts.Add($"please collect {EnMoney(alert.PaidOutside, alert)}");
        }

        parts.Add($"member ending {lastFour}");
        if (alert.Amount > 0)
        {
            parts.Add($"balance {EnMoney(alert.BalanceAfter, alert)}");
        }

        return string.Join(", ", parts) + ".";
    }
}
