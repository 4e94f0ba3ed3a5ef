using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Alerts.Speech;

/// <summary>Amounts, currencies and counts as the till speaks them: "25.00 元", "25.00 yuan", "once", "3 uses".</summary>
internal static class Spoken
{
    public static string ZhMoney(long minorUnits, MerchantAlertView alert) => $"{Amount(minorUnits, alert.Currency)} {ZhCurrency(alert.Currency)}";

    public static string EnMoney(long minorUnits, MerchantAlertView alert) => $"{Amount(minorUnits, alert.Currency)} {EnCurrency(alert.Currency)}";

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
