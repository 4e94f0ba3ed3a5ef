using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Projections;

/// <summary>
/// A commit wakes the projector once the commit is visible. On SQLite the wake-up came before the provider's
/// COMMIT: a projector that woke at once read nothing and then slept its whole poll interval (a second by
/// default), so an alert now and then came a second late. With the poll interval at ten minutes here, any
/// payment whose wake-up is lost leaves the read model behind past the wait below.
/// </summary>
public abstract class ProjectorWakeTests(StoreMode mode)
{
    [Fact]
    public async Task EveryPayment_IsProjectedWithoutWaitingForThePollInterval()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s =>
        {
            s["Projector:PollInterval"] = "00:10:00";
            s["Projector:LeaseTimeToLive"] = "00:20:00";
            s["RateLimits:Payments"] = "0";
        });
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(1_000_000);

        for (var i = 0; i < 40; i++)
        {
            Assert.Empty((await merchant.RedeemAsync(customer, 100 + i)).Data("redeem").ErrorCodes());
            await host.WaitForProjectionsAsync(TimeSpan.FromSeconds(60));
        }
    }
}

public sealed class EmbeddedProjectorWakeTests() : ProjectorWakeTests(StoreMode.Embedded);

public sealed class MariaDbProjectorWakeTests() : ProjectorWakeTests(StoreMode.MariaDbRedis);
