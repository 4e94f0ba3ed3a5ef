using CodeScan.Application.ReadModels;
using static CodeScan.Application.Alerts.Speech.Spoken;

namespace CodeScan.Application.Alerts.Speech;

/// <summary>Stored value bought at the merchant, with the bonus it came with.</summary>
internal static class StoredValueRechargedSpeech
{
    public static string Zh(MerchantAlertView alert, string amount, string lastFour) => alert.Bonus > 0
        ? $"储值充值 {amount} {ZhCurrency(alert.Currency)}，赠送 {Amount(alert.Bonus, alert.Currency)} {ZhCurrency(alert.Currency)}，会员尾号 {lastFour}"
        : $"储值充值 {amount} {ZhCurrency(alert.Currency)}，会员尾号 {lastFour}";

    public static string En(MerchantAlertView alert, string amount, string lastFour) => alert.Bonus > 0
        ? $"Stored value recharged {amount} {EnCurrency(alert.Currency)} with a bonus of {Amount(alert.Bonus, alert.Currency)} {EnCurrency(alert.Currency)}, member ending {lastFour}."
        : $"Stored value recharged {amount} {EnCurrency(alert.Currency)}, member ending {lastFour}.";
}
