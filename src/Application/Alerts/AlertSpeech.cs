using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Alerts;

/// <summary>
/// The sentence a till speaks for an alert. Amounts are written as plain decimals with the currency
/// word after them ("25.00 元", "25.00 yuan"), which speech engines read as money; the member is named
/// by the last four digits of their number only.
/// </summary>
public static class AlertSpeech
{
    public static string Compose(MerchantAlertView alert, string? locale = null)
    {
        var amount = Amount(alert.Amount, alert.Currency);
        var balance = Amount(alert.BalanceAfter, alert.Currency);
        var lastFour = alert.CustomerPhoneMasked.Length >= 4 ? alert.CustomerPhoneMasked[^4..] : alert.CustomerPhoneMasked;
        var useEnglish = (locale ?? alert.Locale) == Locales.EnUs;

        return (alert.Kind, useEnglish) switch
        {
            (AlertKind.StoredValueRedeemed, false) => $"储值消费 {amount} {ZhCurrency(alert.Currency)}，会员尾号 {lastFour}，余额 {balance} {ZhCurrency(alert.Currency)}",
            (AlertKind.StoredValueRedeemed, true) => $"Received {amount} {EnCurrency(alert.Currency)} from stored value, member ending {lastFour}, balance {balance} {EnCurrency(alert.Currency)}.",
            (AlertKind.StoredValueRecharged, false) when alert.Bonus > 0 => $"储值充值 {amount} {ZhCurrency(alert.Currency)}，赠送 {Amount(alert.Bonus, alert.Currency)} {ZhCurrency(alert.Currency)}，会员尾号 {lastFour}",
            (AlertKind.StoredValueRecharged, false) => $"储值充值 {amount} {ZhCurrency(alert.Currency)}，会员尾号 {lastFour}",
            (AlertKind.StoredValueRecharged, true) when alert.Bonus > 0 => $"Stored value recharged {amount} {EnCurrency(alert.Currency)} with a bonus of {Amount(alert.Bonus, alert.Currency)} {EnCurrency(alert.Currency)}, member ending {lastFour}.",
            (AlertKind.StoredValueRecharged, true) => $"Stored value recharged {amount} {EnCurrency(alert.Currency)}, member ending {lastFour}.",
            (AlertKind.TimesCardIssued or AlertKind.MembershipCardIssued or AlertKind.CouponIssued, false) => ZhIssued(alert, amount, lastFour),
            (AlertKind.TimesCardIssued or AlertKind.MembershipCardIssued or AlertKind.CouponIssued, true) => EnIssued(alert, amount, lastFour),
            _ => throw new ArgumentOutOfRangeException(nameof(alert), alert.Kind, "Unknown alert kind."),
        };
    }

    private static string ZhIssued(MerchantAlertView alert, string amount, string lastFour)
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

    private static string EnIssued(MerchantAlertView alert, string amount, string lastFour)
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

    private static string Amount(long minorUnits, string currency) => Money.Format(minorUnits, Currencies.MinorDigits(currency));

    private static string ZhCurrency(string currency) => currency switch
    {
        "CNY" => "元",
        "HKD" => "港元",
        "USD" => "美元",
        "EUR" => "欧元",
        "JPY" => "日元",
        _ => currency,
    };

    private static string EnCurrency(string currency) => currency switch
    {
        "CNY" => "yuan",
        "HKD" => "Hong Kong dollars",
        "USD" => "US dollars",
        "EUR" => "euros",
        "JPY" => "yen",
        _ => currency,
    };
}
