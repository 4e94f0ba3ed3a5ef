using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Api;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Identity;

/// <summary>
/// Checking a token costs no query: revoked sessions are a set every node holds in memory, kept from the
/// event log through the revocation read model, so a revocation survives a restart.
/// </summary>
public abstract class SessionRevocationTests(StoreMode mode)
{
    [Fact]
    public async Task Wallet_WhenSignedIn_RunsNoDatabaseCommand()
    {
        await using var host = await CodeScanHost.StartAsync(HostStores.Create(mode), services: DatabaseCommandProbe.Install(mode));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(1_000);
        await host.WaitForProjectionsAsync();
        var probe = host.Services.GetRequiredService<DatabaseCommandProbe>();

        // The control: the probe sees what a request that does read the database runs.
        var me = await SessionRevocationCalls.ProbedPostAsync(host, customer, "{ me { id } }");
        Assert.Equal(HttpStatusCode.OK, me.Response.Status);
        Assert.NotEmpty(probe.CommandsOf(me.Probe));

        var wallet = await SessionRevocationCalls.ProbedPostAsync(host, customer, Gql.Wallet, new { merchantId = merchant.MerchantId });

        Assert.Equal(HttpStatusCode.OK, wallet.Response.Status);
        Assert.Equal(1_000, wallet.Response.Json.Data("wallet")["storedValue"]!["minorUnits"]!.GetValue<long>());
        Assert.Empty(probe.CommandsOf(wallet.Probe));
    }

    [Fact]
    public async Task SignOut_ThenRestart_TheSessionIsStillRefused()
    {
        var stores = HostStores.Create(mode);
        string access;
        await using (var before = await CodeScanHost.StartAsync(stores))
        {
            var session = await before.SignInFullyAsync(Phones.Next());
            access = session["accessToken"]!.GetValue<string>();
            var signedOut = (await before.GraphQLAsync(access, IdentityCalls.SignOut, new { input = new { refreshToken = session["refreshToken"]!.GetValue<string>() } })).Data("signOut");
            Assert.Empty(signedOut.ErrorCodes());
            await before.WaitForProjectionsAsync();
        }

        // Embedded, the restarted node rebuilds its read models from the event log before it serves;
        // on Redis, it loads the revocation set Redis kept.
        await using var after = await CodeScanHost.StartAsync(stores);
        await SessionRevocationCalls.AssertRefusedAsync(after, access);
    }
}

public sealed class EmbeddedSessionRevocationTests() : SessionRevocationTests(StoreMode.Embedded);

public sealed class MariaDbSessionRevocationTests() : SessionRevocationTests(StoreMode.MariaDbRedis);

internal static class SessionRevocationCalls
{
    /// <summary>Polls until the node refuses the token; fails when it still accepts it at the deadline.</summary>
    public static async Task AssertRefusedWithinAsync(CodeScanHost node, string token, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var response = await ApiCalls.PostAsync(node, "{ __typename }", token: token);
            if (response.Status == HttpStatusCode.Unauthorized)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"The node still accepted the revoked session after {deadline.TotalSeconds} s: {response}");
            await Task.Delay(25);
        }
    }

    /// <summary>Refused at once, on HTTP (401) and on a new WebSocket (4403).</summary>
    public static async Task AssertRefusedAsync(CodeScanHost node, string token)
    {
        var response = await ApiCalls.PostAsync(node, "{ me { id } }", token: token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);

        await using var socket = await GraphQLWsTestClient.OpenAsync(node.WebSocketUri);
        await socket.InitAsync("Bearer " + token);
        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    /// <summary>POSTs a request marked for the <see cref="DatabaseCommandProbe"/>; returns the response and the mark.</summary>
    public static async Task<(ApiResponse Response, string Probe)> ProbedPostAsync(CodeScanHost host, string token, string query, object? variables = null)
    {
        var probe = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(ApiCalls.Body(query, variables), Encoding.UTF8, ApiCalls.Json) };
        request.Headers.Add(DatabaseCommandProbe.Header, probe);
        return (await ApiCalls.SendAsync(host, request, token, accept: null, authorization: null), probe);
    }

    /// <summary>The sign-in session (refresh-token family) an access token was issued for.</summary>
    public static Guid SessionOf(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = JsonNode.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')))!;
        return Guid.Parse(json["sid"]!.GetValue<string>());
    }
}
