using System.Net;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>Liveness (/healthz) and readiness (/readyz: database, read store, projector caught up).</summary>
public abstract class HealthTests(StoreMode mode)
{
    [Fact]
    public async Task Healthz_WhenServiceRuns_Returns200Up()
    {
        await using var host = await CodeScanHost.StartAsync(mode);

        using var response = await host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("up", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Readyz_WhenProjectionsCaughtUpAfterPayments_Returns200ReadyNamingEachCheck()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        Assert.Empty((await merchant.RedeemAsync(customer, 2_500)).Data("redeem").ErrorCodes());

        var (status, body) = await PollReadyzAsync(host, until: HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["ready"]!.GetValue<bool>(), body.ToJsonString());
        Assert.True(body["database"]!.GetValue<bool>(), body.ToJsonString());
        Assert.True(body["readStore"]!.GetValue<bool>(), body.ToJsonString());
        Assert.True(body["projectorCaughtUp"]!.GetValue<bool>(), body.ToJsonString());

        // Caught up with real work, not with an empty log.
        var (lastPosition, _, _) = await LedgerCheck.FingerprintAsync(host);
        Assert.True(lastPosition > 0);
        Assert.Equal(lastPosition, body["lastPosition"]!.GetValue<long>());
        Assert.Equal(lastPosition, body["appliedPosition"]!.GetValue<long>());
    }

    private protected static async Task<(HttpStatusCode Status, JsonObject Body)> PollReadyzAsync(CodeScanHost host, HttpStatusCode until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await host.Http.GetAsync("/readyz");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (response.StatusCode == until || DateTime.UtcNow > deadline)
            {
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                return (response.StatusCode, body);
            }

            await Task.Delay(20);
        }
    }
}

public sealed class EmbeddedHealthTests() : HealthTests(StoreMode.Embedded);

public sealed class MariaDbHealthTests() : HealthTests(StoreMode.MariaDbRedis)
{
    [Fact]
    public async Task Readyz_WhenRedisIsUnreachable_Returns503NamingTheReadStore()
    {
        // Nothing listens on port 1: the read store is down while MariaDB is up.
        await using var host = await CodeScanHost.StartAsync(
            HostStores.Create(StoreMode.MariaDbRedis, redisConnectionString: "127.0.0.1:1,connectTimeout=200"));

        var (status, body) = await PollReadyzAsync(host, until: HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False(body["ready"]!.GetValue<bool>(), body.ToJsonString());
        Assert.True(body["database"]!.GetValue<bool>(), body.ToJsonString());
        Assert.False(body["readStore"]!.GetValue<bool>(), body.ToJsonString());
    }
}
