using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CodeScan.Api.Tests.Identity;

/// <summary>
/// Outside Development codes must really be sent: without an SMS gateway (or with the development
/// pepper) the service refuses to start; with one, a signed JSON POST reaches it.
/// </summary>
public sealed class SmsGatewayTests
{
    private const string SigningKey = "production-signing-key-0123456789-abcdefghijklmnop";
    private const string Pepper = "production-code-pepper-0123456789-abcdefghijklmnop";
    private const string Secret = "sms-webhook-secret-0123456789-abcdefghijklmnopqrs";

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task StartAsync_WhenOutsideDevelopmentWithoutAWebhook_RefusesToStart(string environment)
    {
        var failure = await StartFailureAsync(environment, s =>
        {
            s["Jwt:SigningKey"] = SigningKey;
            s["Identity:CodePepper"] = Pepper;
        });

        Assert.Contains("Sms:WebhookUrl", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenOutsideDevelopmentWithTheDevelopmentPepper_RefusesToStart()
    {
        var failure = await StartFailureAsync("Production", s =>
        {
            s["Jwt:SigningKey"] = SigningKey;
            s["Sms:WebhookUrl"] = "http://127.0.0.1:9/sms";
            s["Sms:WebhookSecret"] = Secret;
        });

        Assert.Contains("Identity:CodePepper", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenTheWebhookSecretIsShort_RefusesToStart()
    {
        var failure = await StartFailureAsync("Production", s =>
        {
            s["Jwt:SigningKey"] = SigningKey;
            s["Identity:CodePepper"] = Pepper;
            s["Sms:WebhookUrl"] = "http://127.0.0.1:9/sms";
            s["Sms:WebhookSecret"] = "short";
        });

        Assert.Contains("Sms:WebhookSecret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestSignInCode_WithAWebhookConfigured_PostsASignedMessageToTheGateway()
    {
        await using var gateway = await FakeGateway.StartAsync(HttpStatusCode.OK);
        await using var host = await StartProductionAsync(gateway);
        var phone = Phones.Next();

        var requested = await host.RequestCodeAsync(phone, "EN_US");

        Assert.Empty(requested.ErrorCodes());
        var received = await gateway.Received.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("+86" + phone, body.GetProperty("to").GetString());
        Assert.Equal("en-US", body.GetProperty("locale").GetString());
        Assert.Matches(@"^CodeScan: your sign-in code is \d{6}\. It expires in 5 min\.", body.GetProperty("text").GetString());
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(received.Timestamp + "." + received.Body)));
        Assert.Equal("sha256=" + expected, received.Signature);
        Assert.InRange(long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);

        // Nothing goes to the development outbox outside Development, and the code signs in.
        Assert.Empty(host.Outbox().Messages);
        var code = System.Text.RegularExpressions.Regex.Match(body.GetProperty("text").GetString()!, @"\d{6}").Value;
        Assert.Empty((await host.SignInWithAsync(phone, code)).ErrorCodes());
    }

    [Fact]
    public async Task RequestSignInCode_WhenTheGatewayFails_StoresNothing()
    {
        await using var gateway = await FakeGateway.StartAsync(HttpStatusCode.ServiceUnavailable);
        await using var host = await StartProductionAsync(gateway);
        var phone = Phones.Next();

        var response = await host.GraphQLAsync(null, IdentityCalls.RequestCode, new { input = new { phone } });

        Assert.NotNull(response["errors"]);
        Assert.Empty(await host.ChallengesAsync(phone));
    }

    private static Task<CodeScanHost> StartProductionAsync(FakeGateway gateway) =>
        CodeScanHost.StartAsync(
            HostStores.Create(StoreMode.Embedded),
            s =>
            {
                s["Jwt:SigningKey"] = SigningKey;
                s["Identity:CodePepper"] = Pepper;
                s["Sms:WebhookUrl"] = gateway.Url;
                s["Sms:WebhookSecret"] = Secret;
                s["Qr:SigningKey"] = "production-qr-signing-key-0123456789-abcdefghijklmnop";
                s["Qr:PublicBaseUrl"] = "https://pay.example.com";
            },
            "Production");

    /// <summary>Starts a host that must refuse; returns every message of the failure, inner ones included.</summary>
    private static async Task<string> StartFailureAsync(string environment, Action<IDictionary<string, string?>> configure)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await (await CodeScanHost.StartAsync(HostStores.Create(StoreMode.Embedded), configure, environment)).DisposeAsync());
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join(" | ", messages);
    }

    private sealed record GatewayRequest(string Body, string ContentType, string Signature, string Timestamp);

    /// <summary>A real HTTP listener standing in for the SMS gateway.</summary>
    private sealed class FakeGateway : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeGateway(WebApplication app, Channel<GatewayRequest> received)
        {
            _app = app;
            Received = received;
        }

        public Channel<GatewayRequest> Received { get; }

        public string Url => _app.Urls.First() + "/sms";

        public static async Task<FakeGateway> StartAsync(HttpStatusCode answer)
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var received = Channel.CreateUnbounded<GatewayRequest>();
            app.MapPost("/sms", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                received.Writer.TryWrite(new GatewayRequest(
                    body,
                    request.ContentType ?? string.Empty,
                    request.Headers[WebhookSmsSender.SignatureHeader].ToString(),
                    request.Headers[WebhookSmsSender.TimestampHeader].ToString()));
                return Results.StatusCode((int)answer);
            });
            await app.StartAsync();
            return new FakeGateway(app, received);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
