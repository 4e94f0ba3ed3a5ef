using CodeScan.Application.ReadModels;
using static CodeScan.Application.Alerts.Speech.Spoken;

namespace CodeScan.Application.Alerts.Speech;

/// <summary>Uses of a times card taken at the till, and how many are left.</summary>
internal static class TimesCardRedeemedSpeech
{
    public static string Zh(MerchantAlertView alert, string lastFour) =>
        $"次卡「{alert.ItemName}」核销 {alert.Uses} 次，剩余 {alert.UsesLeft} 次，会员尾号 {lastFour}";

    public static string En(MerchantAlertView alert, string lastFour) =>
        $"Times card \"{alert.ItemName}\" used {Times(alert.Uses)}, {Uses(alert.UsesLeft ?? 0)} left, member ending {lastFour}.";
}
