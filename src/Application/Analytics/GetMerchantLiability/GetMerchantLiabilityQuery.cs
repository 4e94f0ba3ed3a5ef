using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Analytics.GetMerchantLiability;

/// <summary>
/// What a merchant owes its customers at the close of a local day (today unless given): stored value,
/// times-card uses, coupons and membership cards, aged, and what expired unused. Summed from the daily
/// rollups up to that day: the cost grows with the days of history, not the events.
/// </summary>
public sealed record GetMerchantLiabilityQuery(MerchantId MerchantId, DateOnly? AsOf) : IQuery<MerchantLiabilityReport>, IRequireMerchantAnalyst;

public sealed class GetMerchantLiabilityHandler(ILiabilityStore liability, IReadModelStore store, TimeProvider clock)
    : IQueryHandler<GetMerchantLiabilityQuery, MerchantLiabilityReport>
{
    public async ValueTask<MerchantLiabilityReport> Handle(GetMerchantLiabilityQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;

        // The directory may lag a merchant registered a moment ago; it owes nothing yet either way.
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        var timeZone = merchant?.TimeZone ?? MerchantTimeZone.Default;
        var today = SalesProjection.LocalDay(clock.GetUtcNow(), timeZone);
        var asOf = query.AsOf ?? today;
        if (asOf > today)
        {
            throw new InvalidQueryInputException($"'asOf' ({asOf:yyyy-MM-dd}) is later than today ({today:yyyy-MM-dd}) in the merchant's time zone ({timeZone}).");
        }

        var days = await liability.GetDaysAsync(merchantId, asOf, cancellationToken);
        var counters = SalesCounters.Sum(days.Select(d => d.Counters));
        return new MerchantLiabilityReport(merchantId, timeZone, merchant?.Currency ?? Currencies.Default, asOf, counters);
    }
}
