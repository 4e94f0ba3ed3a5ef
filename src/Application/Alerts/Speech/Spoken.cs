using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Alerts.Speech;

/// <summary>Amounts, currencies and counts as the till speaks them: "25.00 元", "25.00 yuan", "once", "3 uses".</summary>
internal static class Spoken
{
    public static string ZhMoney(long minorUnits, MerchantAlertView alert) => $"{Amount(minorUnits, alert.Currency)} {ZhCurrency(alert.Currency)}";

    public static string EnMoney(long minorUnits, MerchantAlertView alert) => $"{Amount(minorUnits, alert.Currency)} {EnCurrency(alert.Currency)}";

    /// <summary>How a payment's sentence ends in Chinese: what to collect at the till, the member, the balance left.</summary>
    public static string ZhPaymentEnd(List<string> parts, MerchantAlertView alert, string lastFour)
    {
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

    /// <summary>The same ending in English.</summary>
    public static string EnPaymentEnd(List<string> parts, MerchantAlertView alert, string lastFour)
    {
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

    public static string Times(int uses) => uses == 1 ? "once" : $"{uses} times";

    public static string Uses(int uses) => uses == 1 ? "1 use" : $"{uses} uses";

    public static string Amount(long minorUnits, string currency) => Money.Format(minorUnits, Currencies.MinorDigits(currency));

    public static string ZhCurrency(string currency) => currency switch
    {
        "CNY" => "元",
        "HKD" => "港元",
        "USD" => "美元",
        "EUR" => "欧元",
        "JPY" => "日元",
        _ => currency,
    };

    public static string EnCurrency(string currency) => currency switch
    {
        "CNY" => "yuan",
        "HKD" => "Hong Kong dollars",
        "USD" => "US dollars",
        "EUR" => "euros",
        "JPY" => "yen",
        _ => currency,
    };
}
