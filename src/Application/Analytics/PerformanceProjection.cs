using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;

namespace CodeScan.Application.Analytics;

/// <summary>
/// Coupon and card performance: issuance, payments, reversals, cohorts and time to first use per local day of the
/// merchant (its zone as the directory has it at that point of the log), and the instruments with value left
/// per day of expiry. Events name a coupon or card, not its template or product: those come from the wallet
/// view, which holds every instrument the customer was issued with the terms it was issued with. Runs after
/// <see cref="WalletProjection"/>. Replay-safe by each rollup's position.
/// </summary>
public sealed class PerformanceProjection(IPerformanceStore performance, IReadModelStore store) : IProjection
{
    public async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Event)
        {
            case CouponTemplateDefined e:
                await performance.PutItemAsync(e.MerchantId.Value, new PerformanceItem(e.TemplateId, PerformanceItemKind.Coupon, e.Name), cancellationToken);
                return;
            case CardProductDefined e:
                await performance.PutItemAsync(e.MerchantId.Value, new PerformanceItem(e.ProductId, InstrumentFacts.KindOf(e.Kind), e.Name), cancellationToken);
                return;
        }

        if (MerchantOf(envelope.Event) is not { } merchantId)
        {
            return;
        }

        var merchant = await store.GetMerchantAsync(merchantId.Value, cancellationToken);
        var changes = new PerformanceChanges(merchantId.Value, merchant?.TimeZone, merchant?.Currency ?? Currencies.Default);
        switch (envelope.Event)
        {
            case CouponIssued e:
                changes.Issued(new InstrumentFacts(e.TemplateId, PerformanceItemKind.Coupon, e.OccurredAt, e.ExpiresAt, null), e.Source, e.AmountPaid);
                break;
            case CardIssued e:
                changes.Issued(new InstrumentFacts(e.ProductId, InstrumentFacts.KindOf(e.Kind), e.OccurredAt, e.ExpiresAt, e.UsesGranted), e.Source, e.AmountPaid);
                break;
            case Redeemed e:
                changes.Redeemed(e, await WalletAsync(e.MerchantId, e.CustomerId, e.CouponId ?? e.TimesCardId ?? e.MembershipCardId, cancellationToken));
                break;
            case RedemptionReversed e:
                changes.Reversed(e, await WalletAsync(e.MerchantId, e.CustomerId, e.CouponId ?? e.TimesCardId, cancellationToken));
                break;
        }

        foreach (var (rollup, scope, day, counters) in changes.All)
        {
            await performance.AddAsync(rollup, scope, day, envelope.Position, counters, cancellationToken);
        }
    }

    private static MerchantId? MerchantOf(IDomainEvent domainEvent) => domainEvent switch
    {
        CouponIssued e => e.MerchantId,
        CardIssued e => e.MerchantId,
        Redeemed e => e.MerchantId,
        RedemptionReversed e => e.MerchantId,
        _ => null,
    };

    /// <summary>The wallet holding the instrument, read only when a payment used one (the batch has it already).</summary>
    private async Task<WalletView?> WalletAsync(MerchantId merchantId, UserId customerId, Guid? instrument, CancellationToken cancellationToken) =>
        instrument is null ? null : await store.GetWalletAsync(merchantId.Value, customerId.Value, cancellationToken);
}
