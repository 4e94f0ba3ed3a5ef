using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// The real service on a real port: Kestrel on 127.0.0.1 with an ephemeral port, either embedded (its own
/// SQLite file) or on MariaDB + Redis (its own database and key prefix). Two hosts built from the same
/// <see cref="HostStores"/> share the stores, as two API nodes or a restarted process would.
/// </summary>
public sealed class CodeScanHost : IAsyncDisposable
{
    public const string AdminPhone = "+8613800000000";

    private readonly WebApplication _app;
    private int _disposed;

    private CodeScanHost(WebApplication app, HostStores stores, Uri baseAddress)
    {
        _app = app;
        Stores = stores;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HostStores Stores { get; }

    public Uri BaseAddress { get; }

    public Uri GraphQLUri => new(BaseAddress, "/graphql");

    public Uri WebSocketUri => new UriBuilder(GraphQLUri) { Scheme = "ws" }.Uri;

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<CodeScanHost> StartAsync(StoreMode mode, Action<IDictionary<string, string?>>? configure = null) =>
        StartAsync(HostStores.Create(mode), configure);

    /// <summary>A host whose clock is <paramref name="clock"/>: expiry is tested by moving time on, never by waiting for it.</summary>
    public static Task<CodeScanHost> StartAsync(StoreMode mode, FakeTimeProvider clock, Action<IDictionary<string, string?>>? configure = null) =>
        StartAsync(HostStores.Create(mode), configure, services: s => s.AddSingleton<TimeProvider>(clock));

    /// <param name="services">Runs after the service's own registrations, so a test can add to them (an EF Core interceptor, say).</param>
    public static async Task<CodeScanHost> StartAsync(
        HostStores stores, Action<IDictionary<string, string?>>? configure = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Platform:AdminPhones:0"] = AdminPhone,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CodeScan"] = "Warning",

            // Tests sign in many users per host, all from 127.0.0.1 and the admin many times: generous
            // limits here; the identity tests set strict ones where they test them.
            ["Identity:RateLimits:PhoneInterval"] = "00:00:00",
            ["Identity:RateLimits:PhonePerHour"] = "1000000",
            ["Identity:RateLimits:AddressPerHour"] = "1000000",
        };
        stores.Apply(settings);
        configure?.Invoke(settings);

        var builder = CodeScanApp.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory },
            b => b.Configuration.AddInMemoryCollection(settings));
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = await CodeScanApp.BuildAsync(builder);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return new CodeScanHost(app, stores, address);
    }

    /// <summary>
    /// Signs in as a user would: requestSignInCode, the code from the development SMS outbox, signIn.
    /// Returns the access token. Two sign-ins of one number at once supersede each other's codes, so a
    /// refused code is requested again.
    /// </summary>
    public async Task<string> SignInAsync(string phone)
    {
        const string request = "mutation($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) { expiresAt errors { code message } } }";
        const string signIn = "mutation($input: SignInInput!) { signIn(input: $input) { accessToken errors { code message } } }";
        var outbox = Services.GetRequiredService<CodeScan.Infrastructure.Identity.DevelopmentSmsOutbox>();
        for (var attempt = 1; ; attempt++)
        {
            var requested = await GraphQLAsync(null, request, new { input = new { phone } });
            var requestErrors = requested["data"]?["requestSignInCode"]?["errors"]?.AsArray();
            if (requestErrors is not { Count: 0 })
            {
                throw new InvalidOperationException($"requestSignInCode failed: {requested.ToJsonString()}");
            }

            var code = outbox.LatestCodeFor(phone) ?? throw new InvalidOperationException($"No code was sent to {phone}.");
            var signedIn = await GraphQLAsync(null, signIn, new { input = new { phone, code } });
            var payload = signedIn["data"]?["signIn"];
            if (payload?["accessToken"]?.GetValue<string>() is { } token)
            {
                return token;
            }

            if (attempt >= 5 || payload?["errors"]?[0]?["code"]?.GetValue<string>() != "SIGN_IN_CODE_INVALID")
            {
                throw new InvalidOperationException($"signIn failed: {signedIn.ToJsonString()}");
            }
        }
    }

    /// <summary>A production host with everything else it needs to start (signing keys, SMS gateway, code pepper).</summary>
    public static Task<CodeScanHost> StartProductionAsync(Action<IDictionary<string, string?>> configure, Action<IServiceCollection>? services = null) =>
        StartAsync(
            HostStores.Create(StoreMode.Embedded),
            s =>
            {
                s["Jwt:SigningKey"] = "production-jwt-signing-key-0123456789-abcdefghijklmnop";
                s["Identity:CodePepper"] = "production-code-pepper-0123456789-abcdefghijklmnop";
                s["Qr:SigningKey"] = "production-qr-signing-key-0123456789-abcdefghijklmnop";
                s["Qr:PublicBaseUrl"] = "https://pay.example.com";
                s["Sms:WebhookUrl"] = "http://127.0.0.1:9/sms";
                s["Sms:WebhookSecret"] = "sms-webhook-secret-0123456789-abcdefghijklmnopqrs";
                configure(s);
            },
            "Production",
            services);

    /// <summary>POSTs one GraphQL request and returns the whole response document.</summary>
    public async Task<JsonObject> GraphQLAsync(string? token, string query, object? variables = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {text}");
    }

    /// <summary>Waits until the projector has applied every committed event.</summary>
    public async Task WaitForProjectionsAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<ReadinessProbe>().CheckAsync(CancellationToken.None);
            if (report.Ready)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Projections did not catch up: {JsonSerializer.Serialize(report)}");
            }

            await Task.Delay(20);
        }
    }

    public ProjectorStatus Projector => Services.GetRequiredService<ProjectorStatus>();

    /// <summary>Stops the node; calling it again is harmless (tests stop a node midway).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
