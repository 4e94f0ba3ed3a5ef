using CodeScan.Application.Analytics.GetMerchantLiability;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Analytics.GetPlatformLiability;

/// <summary>
/// What every merchant trading in one currency owes its customers together, at the close of a date (today in the
/// platform's home zone, Shanghai, unless given): each merchant's rollups up to that date in its own zone, added up,
/// so the platform's figures are the sum of the merchants' to the cent.
/// </summary>
public sealed record GetPlatformLiabilityQuery(string Currency, DateOnly? AsOf) : IQuery<MerchantLiabilityReport>, IRequirePlatformAnalyst;

/// <remarks>The report has the merchant's shape over the platform's scope (<see cref="PlatformScope"/>).</remarks>
public sealed class GetPlatformLiabilityHandler(ILiabilityStore liability, TimeProvider clock) : IQueryHandler<GetPlatformLiabilityQuery, MerchantLiabilityReport>
{
    public async ValueTask<MerchantLiabilityReport> Handle(GetPlatformLiabilityQuery query, CancellationToken cancellationToken)
    {
        var scope = PlatformScope.Of(query.Currency);
        var asOf = query.AsOf ?? SalesProjection.LocalDay(clock.GetUtcNow(), MerchantTimeZone.Default);
        var days = await liability.GetDaysAsync(scope, asOf, cancellationToken);
        return new MerchantLiabilityReport(scope, MerchantTimeZone.Default, query.Currency, asOf, SalesCounters.Sum(days.Select(d => d.Counters)));
    }
}
