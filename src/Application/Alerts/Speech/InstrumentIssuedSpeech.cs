using CodeScan.Application.ReadModels;
using static CodeScan.Application.Alerts.Speech.Spoken;

namespace CodeScan.Application.Alerts.Speech;

/// <summary>A times card, membership card or coupon sold or given to a member.</summary>
internal static class InstrumentIssuedSpeech
{
    public static string Zh(MerchantAlertView alert, string amount, string lastFour)
    {
        var what = alert.Kind switch
        {
            AlertKind.TimesCardIssued => "次卡",
            AlertKind.MembershipCardIssued => "会员卡",
            _ => "优惠券",
        };
        return alert.Amount > 0
            ? $"售出{what}「{alert.ItemName}」，收款 {amount} {ZhCurrency(alert.Currency)}，会员尾号 {lastFour}"
            : $"发放{what}「{alert.ItemName}」，会员尾号 {lastFour}";
    }

    public static string En(MerchantAlertView alert, string amount, string lastFour)
    {
        var what = alert.Kind switch
        {
            AlertKind.TimesCardIssued => "times card",
            AlertKind.MembershipCardIssued => "membership card",
            _ => "coupon",
        };
        return alert.Amount > 0
            ? $"Sold {what} \"{alert.ItemName}\" for {amount} {EnCurrency(alert.Currency)}, member ending {lastFour}."
            : $"Issued {what} \"{alert.ItemName}\", member ending {lastFour}.";
    }
}
