using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Records;

/// <summary>
/// Both sides' history: every payment, reversal, recharge and issuance becomes one entry, under the
/// customer and under the merchant, keyed by its event-log position, so a replayed event finds its entry
/// already there. Stored-value events carry the balance after; an issuance leaves it as the wallet's
/// previous record did.
/// </summary>
public sealed class RecordsProjection(IRecordStore records, IReadModelStore store) : IProjection
{
    public async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var entry = envelope.Event switch
        {
            Redeemed e => await Redemption(envelope, e, cancellationToken),
            RedemptionReversed e => await Reversal(envelope, e, cancellationToken),
            StoredValueRecharged e => await Entry(envelope, RecordKind.Recharge, e.MerchantId, e.CustomerId, e.CustomerPhoneMasked, e.Currency, cancellationToken) with
            {
                Amount = e.Amount,
                PrincipalChange = e.Amount,
                BonusChange = e.Bonus,
                PrincipalAfter = e.PrincipalAfter,
                BonusAfter = e.BonusAfter,
            },
            CardIssued e => await Issuance(
                envelope, e.MerchantId, e.CustomerId, e.CustomerPhoneMasked, e.Currency, e.AmountPaid,
                e.Kind == CardKind.TimesCard ? RecordItemKind.TimesCard : RecordItemKind.MembershipCard, e.CardId, e.Name, e.UsesGranted, cancellationToken),
            CouponIssued e => await Issuance(
                envelope, e.MerchantId, e.CustomerId, e.CustomerPhoneMasked, e.Currency, e.AmountPaid, RecordItemKind.Coupon, e.CouponId, e.Name, null, cancellationToken),
            _ => null,
        };

        if (entry is not null)
        {
            await records.AppendAsync(entry, cancellationToken);
        }
    }

    private async Task<RecordEntry> Redemption(EventEnvelope envelope, Redeemed e, CancellationToken cancellationToken)
    {
        var (itemKind, itemId) = Item(e.TimesCardId, e.CouponId, e.MembershipCardId);
        return await Entry(envelope, RecordKind.Redemption, e.MerchantId, e.CustomerId, e.CustomerPhoneMasked, e.Currency, cancellationToken) with
        {
            Mode = e.Mode,
            Channel = e.Channel,
            Amount = e.Amount,
            MembershipDiscount = e.MembershipDiscount,
            CouponDiscount = e.CouponDiscount,
            PaidOutside = e.PaidOutside,
            PrincipalChange = -e.FromPrincipal,
            BonusChange = -e.FromBonus,
            PrincipalAfter = e.PrincipalAfter,
            BonusAfter = e.BonusAfter,
            UsesChange = e.TimesCardId is null ? null : -e.Uses,
            UsesLeft = e.UsesLeft,
            ItemKind = itemKind,
            ItemId = itemId,
            ItemName = e.InstrumentName,
            RedemptionId = e.RedemptionId,
        };
    }

    private async Task<RecordEntry> Reversal(EventEnvelope envelope, RedemptionReversed e, CancellationToken cancellationToken)
    {
        var (itemKind, itemId) = Item(e.TimesCardId, e.CouponId, null);
        return await Entry(envelope, RecordKind.Reversal, e.MerchantId, e.CustomerId, e.CustomerPhoneMasked, e.Currency, cancellationToken) with
        {
            Mode = e.Mode,
            Amount = e.StoredValueRestored,
            PaidOutside = e.OutsideToRefund,
            PrincipalChange = e.PrincipalRestored,
            BonusChange = e.BonusRestored,
            PrincipalAfter = e.PrincipalAfter,
            BonusAfter = e.BonusAfter,
            UsesChange = e.TimesCardId is null ? null : e.UsesRestored,
            UsesLeft = e.UsesLeft,
            ItemKind = itemKind,
            ItemId = itemId,
            ItemName = e.InstrumentName,
            CouponRestored = e.CouponRestored,
            Reason = e.Reason,
            RedemptionId = e.RedemptionId,
        };
    }

    private async Task<RecordEntry> Issuance(
        EventEnvelope envelope, MerchantId merchantId, UserId customerId, string phoneMasked, string currency, long amountPaid,
        RecordItemKind itemKind, Guid itemId, string name, int? usesGranted, CancellationToken cancellationToken)
    {
        var (principal, bonus) = await records.GetBalanceAsync(merchantId.Value, customerId.Value, cancellationToken);
        return await Entry(envelope, RecordKind.Issuance, merchantId, customerId, phoneMasked, currency, cancellationToken) with
        {
            Amount = amountPaid,
            PrincipalAfter = principal,
            BonusAfter = bonus,
            UsesChange = usesGranted,
            UsesLeft = usesGranted,
            ItemKind = itemKind,
            ItemId = itemId,
            ItemName = name,
        };
    }

    private async Task<RecordEntry> Entry(
        EventEnvelope envelope, RecordKind kind, MerchantId merchantId, UserId customerId, string phoneMasked, string currency, CancellationToken cancellationToken)
    {
        var merchant = await store.GetMerchantAsync(merchantId.Value, cancellationToken);
        return new RecordEntry(envelope.Position, kind, merchantId.Value, merchant?.Name ?? string.Empty, customerId.Value, phoneMasked, currency, envelope.Event.OccurredAt);
    }

    /// <summary>The instrument a payment used: the times card or coupon it was paid with, else the membership card that discounted it.</summary>
    private static (RecordItemKind? Kind, Guid? Id) Item(Guid? timesCardId, Guid? couponId, Guid? membershipCardId) =>
        timesCardId is { } t ? (RecordItemKind.TimesCard, t)
        : couponId is { } c ? (RecordItemKind.Coupon, c)
        : membershipCardId is { } m ? (RecordItemKind.MembershipCard, m)
        : (null, null);
}
