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

        return ZhPaymentEnd(parts, alert, lastFour);
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

        return EnPaymentEnd(parts, alert, lastFour);
    }
}
