using CodeScan.Application.Alerts.Speech;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Alerts;

/// <summary>
/// The sentence a till speaks for an alert. Amounts are written as plain decimals with the currency
/// word after them ("25.00 元", "25.00 yuan"), which speech engines read as money; the member is named
/// by the last four digits of their number only. The sentences for each kind of alert are in <c>Speech/</c>.
/// </summary>
public static class AlertSpeech
{
    public static string Compose(MerchantAlertView alert, string? locale = null)
    {
        var amount = Spoken.Amount(alert.Amount, alert.Currency);
        var lastFour = alert.CustomerPhoneMasked.Length >= 4 ? alert.CustomerPhoneMasked[^4..] : alert.CustomerPhoneMasked;
        var useEnglish = (locale ?? alert.Locale) == Locales.EnUs;

        return (alert.Kind, useEnglish) switch
        {
            (AlertKind.StoredValueRedeemed, false) => StoredValueRedeemedSpeech.Zh(alert, lastFour),
            (AlertKind.StoredValueRedeemed, true) => StoredValueRedeemedSpeech.En(alert, lastFour),
            (AlertKind.CouponRedeemed, false) => CouponRedeemedSpeech.Zh(alert, lastFour),
            (AlertKind.CouponRedeemed, true) => CouponRedeemedSpeech.En(alert, lastFour),
            (AlertKind.TimesCardRedeemed, false) => TimesCardRedeemedSpeech.Zh(alert, lastFour),
            (AlertKind.TimesCardRedeemed, true) => TimesCardRedeemedSpeech.En(alert, lastFour),
            (AlertKind.RedemptionReversed, false) => RedemptionReversedSpeech.Zh(alert, lastFour),
            (AlertKind.RedemptionReversed, true) => RedemptionReversedSpeech.En(alert, lastFour),
            (AlertKind.StoredValueRecharged, false) => StoredValueRechargedSpeech.Zh(alert, amount, lastFour),
            (AlertKind.StoredValueRecharged, true) => StoredValueRechargedSpeech.En(alert, amount, lastFour),
            (AlertKind.TimesCardIssued or AlertKind.MembershipCardIssued or AlertKind.CouponIssued, false) => InstrumentIssuedSpeech.Zh(alert, amount, lastFour),
            (AlertKind.TimesCardIssued or AlertKind.MembershipCardIssued or AlertKind.CouponIssued, true) => InstrumentIssuedSpeech.En(alert, amount, lastFour),
            _ => throw new ArgumentOutOfRangeException(nameof(alert), alert.Kind, "Unknown alert kind."),
        };
    }
}
