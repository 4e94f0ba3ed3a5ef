using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Security;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// DESIGN §8: there is no sign-in shortcut in any environment (the old /dev/token endpoint is gone), and
/// outside Development the service refuses to start without a real signing key.
/// </summary>
public sealed class DevelopmentOnlyTests
{
    private const string ProductionKey = "production-signing-key-0123456789-abcdefghijklmnop";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task DevToken_InEveryEnvironment_Returns404(string environment)
    {
        await using var host = environment == "Development"
            ? await CodeScanHost.StartAsync(StoreMode.Embedded)
            : await CodeScanHost.StartProductionAsync(s => s["Jwt:SigningKey"] = ProductionKey);

        using var response = await host.Http.PostAsJsonAsync("/dev/token", new { phone = CodeScanHost.AdminPhone });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // The service itself is up: the 404 is the missing endpoint, not a dead host.
        using var health = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var typename = await host.GraphQLAsync(null, "{ __typename }");
        Assert.Equal("Query", typename["data"]?["__typename"]?.GetValue<string>());
    }

    [Fact]
    public async Task Post_WhenProductionReceivesATokenSignedWithTheDevelopmentKey_Returns401()
    {
        await using var host = await CodeScanHost.StartProductionAsync(s => s["Jwt:SigningKey"] = ProductionKey);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var forged = ApiCalls.Sign(
            new JsonObject
            {
                ["sub"] = Guid.NewGuid().ToString(),
                ["phone"] = CodeScanHost.AdminPhone,
                ["role"] = new JsonArray("platform_admin"),
                ["iss"] = "codescan",
                ["aud"] = "codescan-api",
                ["iat"] = now,
                ["nbf"] = now,
                ["exp"] = now + 600,
            },
            JwtOptions.DevelopmentSigningKey);

        var response = await ApiCalls.PostAsync(host, "{ me { isPlatformAdmin } }", token: forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Production", JwtOptions.DevelopmentSigningKey)]
    [InlineData("Production", "")]
    [InlineData("Production", "only-31-characters-long-0123456")]
    [InlineData("Staging", null)]
    public async Task StartAsync_WhenOutsideDevelopmentWithoutARealSigningKey_RefusesToStart(string environment, string? signingKey)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            var host = await CodeScanHost.StartAsync(
                HostStores.Create(StoreMode.Embedded),
                s =>
                {
                    if (signingKey is not null)
                    {
                        s["Jwt:SigningKey"] = signingKey;
                    }
                },
                environment);
            await host.DisposeAsync();
        });

        Assert.Contains("Jwt:SigningKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenDevelopmentKeyIsShorterThan32Characters_RefusesToStart()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await (await CodeScanHost.StartAsync(StoreMode.Embedded, s => s["Jwt:SigningKey"] = "short")).DisposeAsync());

        Assert.Contains("Jwt:SigningKey", failure.Message, StringComparison.Ordinal);
    }
}
