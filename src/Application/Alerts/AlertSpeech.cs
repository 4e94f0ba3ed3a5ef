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
            (AlertKind.StoredValueRedeemed, false) => ZhStoredValueRedeemed(alert, lastFour),
            (AlertKind.StoredValueRedeemed, true) => EnStoredValueRedeemed(alert, lastFour),
            (AlertKind.CouponRedeemed, false) => ZhCouponRedeemed(alert, lastFour),
            (AlertKind.CouponRedeemed, true) => EnCouponRedeemed(alert, lastFour),
            (AlertKind.TimesCardRedeemed, false) => $"次卡「{alert.ItemName}」核销 {alert.Uses} 次，剩余 {alert.UsesLeft} 次，会员尾号 {lastFour}",
            (AlertKind.TimesCardRedeemed, true) => $"Times card \"{alert.ItemName}\" used {Times(alert.Uses)}, {Uses(alert.UsesLeft ?? 0)} left, member ending {lastFour}.",
            (AlertKind.RedemptionReversed, false) => ZhReversed(alert, lastFour),
            (AlertKind.RedemptionReversed, true) => EnReversed(alert, lastFour),
            (AlertKind.StoredValueRecharged, false) when alert.Bonus > 0 => $"储值充值 {amount} {ZhCurrency(alert.Currency)}，赠送 {Amount(alert.Bonus, alert.Currency)} {ZhCurrency(alert.Currency)}，会员尾号 {lastFour}",
            (AlertKind.StoredValueRecharged, false) => $"储值充值 {amount} {ZhCurrency(alert.Currency)}，会员尾号 {lastFour}",
            (AlertKind.StoredValueRecharged, true) when alert.Bonus > 0 => $"Stored value recharged {amount} {EnCurrency(alert.Currency)} with a bonus of {Amount(alert.Bonus, alert.Currency)} {EnCurrency(alert.Currency)}, member ending {lastFour}.",
            (AlertKind.StoredValueRecharged, true) => $"Stored value recharged {amount} {EnCurrency(alert.Currency)}, member ending {lastFour}.",
            (AlertKind.TimesCardIssued or AlertKind.MembershipCardIssued or AlertKind.CouponIssued, false) => ZhIssued(alert, amount, lastFour),
            (AlertKind.TimesCardIssued or AlertKind.MembershipCardIssued or AlertKind.CouponIssued, true) => EnIssued(alert, amount, lastFour),
            _ => throw new ArgumentOutOfRangeException(nameof(alert), alert.Kind, "Unknown alert kind."),
        };
    }

    /// <summary>
    /// "储值消费 44.00 元，原价 50.00 元，优惠 6.00 元，会员尾号 1234，余额 56.00 元"; when stored value did not
    /// cover the bill the till is told to collect the rest ("请另收 20.00 元").
    /// </summary>
    private static string ZhStoredValueRedeemed(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string>();
        if (alert.Amount > 0)
        {
            parts.Add($"储值消费 {Money(alert.Amount, alert)}");
            if (alert.Discount > 0)
            {
                parts.Add($"原价 {Money(alert.Bill, alert)}");
            }
        }
        else
        {
            parts.Add($"消费 {Money(alert.Bill, alert)}");
        }

        if (alert.Discount > 0)
        {
            parts.Add($"优惠 {Money(alert.Discount, alert)}");
        }

        if (alert.PaidOutside > 0)
        {
            parts.Add($"请另收 {Money(alert.PaidOutside, alert)}");
        }

        parts.Add($"会员尾号 {lastFour}");
        if (alert.Amount > 0)
        {
            parts.Add($"余额 {Money(alert.BalanceAfter, alert)}");
        }

        return string.Join("，", parts);
    }

    private static string EnStoredValueRedeemed(MerchantAlertView alert, string lastFour)
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

    private static string ZhCouponRedeemed(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string> { $"优惠券「{alert.ItemName}」核销" };
        if (alert.Gift is not null)
        {
            parts.Add($"赠品 {alert.Gift}");
        }

        if (alert.Discount > 0)
        {
            parts.Add($"抵扣 {Money(alert.Discount, alert)}");
        }

        if (alert.Amount > 0)
        {
            parts.Add($"储值支付 {Money(alert.Amount, alert)}");
        }

        if (alert.PaidOutside > 0)
        {
            parts.Add($"请另收 {Money(alert.PaidOutside, alert)}");
        }

        parts.Add($"会员尾号 {lastFour}");
        if (alert.Amount > 0)
        {
            parts.Add($"余额 {Money(alert.BalanceAfter, alert)}");
        }

        return string.Join("，", parts);
    }

    private static string EnCouponRedeemed(MerchantAlertView alert, string lastFour)
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

    private static string ZhReversed(MerchantAlertView alert, string lastFour)
    {
        var parts = new List<string> { "撤销消费" };
        if (alert.Amount > 0)
        {
            parts.Add($"退回储值 {Money(alert.Amount, alert)}");
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
            parts.Add($"请退还现场收款 {Money(alert.PaidOutside, alert)}");
        }

        parts.Add($"会员尾号 {lastFour}");
        parts.Add($"余额 {Money(alert.BalanceAfter, alert)}");
        return string.Join("，", parts);
    }

    private static string EnReversed(MerchantAlertView alert, string lastFour)
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

    private static string Money(long minorUnits, MerchantAlertView alert) => $"{Amount(minorUnits, alert.Currency)} {ZhCurrency(alert.Currency)}";

    private static string EnMoney(long minorUnits, MerchantAlertView alert) => $"{Amount(minorUnits, alert.Currency)} {EnCurrency(alert.Currency)}";

    private static string Times(int uses) => uses == 1 ? "once" : $"{uses} times";

    private static string Uses(int uses) => uses == 1 ? "1 use" : $"{uses} uses";

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

    private static string Amount(long minorUnits, string currency) => Domain.Common.Money.Format(minorUnits, Currencies.MinorDigits(currency));

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
