using CodeScan.Application.ReadModels;
using static CodeScan.Application.Alerts.Speech.Spoken;

namespace CodeScan.Application.Alerts.Speech;

/// <summary>A payment given back: stored value, uses and the coupon restored, and cash for the till to refund.</summary>
internal static class RedemptionReversedSpeech
{
    public static string Zh(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string> { "撤销消费" };
        if (alert.Amount > 0)
        {
            parts.Add($"退回储值 {ZhMoney(alert.Amount, alert)}");
        }

        if (alert.Uses > 0)
        {
            parts.Add($"退回次卡「{alert.ItemName}」{alert.Uses} 次");
        }

        if (alert.CouponRestored)
        {
            parts.Add($"优惠券「{alert.ItemName}」已恢复");
        }

        if (alert.PaidOutside > 0)
        {
            parts.Add($"请退还现场收款 {ZhMoney(alert.PaidOutside, alert)}");
        }

        parts.Add($"会员尾号 {lastFour}");
        parts.Add($"余额 {ZhMoney(alert.BalanceAfter, alert)}");
        return string.Join("，", parts);
    }

    public static string En(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string> { "Payment reversed" };
        if (alert.Amount > 0)
        {
            parts.Add($"{EnMoney(alert.Amount, alert)} back to stored value");
        }

        if (alert.Uses > 0)
        {
            parts.Add($"{Uses(alert.Uses)} back on times card \"{alert.ItemName}\"");
        }

        if (alert.CouponRestored)
        {
            parts.Add($"coupon \"{alert.ItemName}\" usable again");
        }

        if (alert.PaidOutside > 0)
        {
            parts.Add($"please refund the {EnMoney(alert.PaidOutside, alert)} paid at the till");
        }

        parts.Add($"member ending {lastFour}");
        parts.Add($"balance {EnMoney(alert.BalanceAfter, alert)}");
        return string.Join(", ", parts) + ".";
    }
}
