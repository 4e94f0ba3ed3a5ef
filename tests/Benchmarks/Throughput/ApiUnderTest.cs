using CodeScan.Application.Identity;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api;
using CodeScan.Api.GraphQL;
using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Identity;
using CodeScan.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>
/// The real API, hosted in this process on a free port, on MariaDB + Redis with rate limits off; plus the
/// merchant and funded customers every run uses.
/// </summary>
internal sealed class ApiUnderTest : IAsyncDisposable
{
    public const string RedeemQuery =
        "mutation($m: ID!, $k: String!) { redeem(input: { merchantId: $m, mode: STORED_VALUE, amount: 1, idempotencyKey: $k }) " +
        "{ redemption { id fromStoredValue { minorUnits } storedValueAfter { minorUnits currency display } } errors { code message } } }";

    /// <summary>What a customer's app shows of a wallet at one merchant.</summary>
    public const string WalletQuery =
        "query($m: ID!) { wallet(merchantId: $m) { merchantId storedValue { minorUnits currency display } " +
        "principal { minorUnits currency display } bonus { minorUnits currency display } " +
        "cards { id name kind usesLeft expiresAt isExpired } coupons { id name status expiresAt } version asOf } }";

    private static readonly string RedeemQueryJson = JsonSerializer.Serialize(RedeemQuery);
    private static readonly string WalletQueryJson = JsonSerializer.Serialize(WalletQuery);

    private readonly WebApplication _app;
    private int _roundRobin;

    private ApiUnderTest(WebApplication app, HttpClient http, string databaseName, string keyPrefix)
    {
        _app = app;
        Http = http;
        DatabaseName = databaseName;
        KeyPrefix = keyPrefix;
    }

    public IServiceProvider Services => _app.Services;

    public HttpClient Http { get; }

    public Uri BaseAddress => Http.BaseAddress!;

    public string DatabaseName { get; }

    public string KeyPrefix { get; }

    /// <summary>The first merchant's GraphQL id (a Relay global id): the one the under-load till listens to.</summary>
    public string MerchantGlobalId => Merchants[0].GlobalId;

    /// <summary>The merchants paid, each with its GraphQL id and its id in the write model and the read-model keys.</summary>
    public IReadOnlyList<(string GlobalId, Guid Id)> Merchants { get; private set; } = [];

    public string OwnerToken { get; private set; } = "";

    /// <summary>The funded customers: each one's access token and the merchant it is funded at (and pays).</summary>
    public IReadOnlyList<BenchCustomer> Customers { get; private set; } = [];

    /// <summary>The configuration the benchmark runs the API with (also used for the rebuild hosts).</summary>
    public static Dictionary<string, string?> Settings(BenchOptions options, string databaseName, string? keyPrefix) => new()
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Platform:AdminPhones:0"] = "+8613800000000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Identity:RateLimits:PhoneInterval"] = "00:00:00",
        ["Identity:RateLimits:PhonePerHour"] = "0",
        ["Identity:RateLimits:AddressPerHour"] = "0",
        ["RateLimits:Payments"] = "0",
        ["RateLimits:WriteOffCodes"] = "0",
        ["RateLimits:TillActions"] = "0",
        ["ConnectionStrings:MySql"] = options.MySql.TrimEnd(';') + $";Database={databaseName};",
        ["ConnectionStrings:Redis"] = keyPrefix is null ? null : options.Redis,
        ["Redis:KeyPrefix"] = keyPrefix,

        // Production, as deployed: its checks want real secrets (these are the benchmark's own) and an SMS gateway,
        // which BuildHostAsync replaces by the harness's.
        ["Jwt:SigningKey"] = "codescan-benchmark-jwt-signing-key-0123456789abcdef",
        ["Identity:CodePepper"] = "codescan-benchmark-code-pepper-0123456789abcdef",
        ["Qr:SigningKey"] = "codescan-benchmark-qr-signing-key-0123456789abcdef",
        ["Qr:PublicBaseUrl"] = "https://pay.example.com/",
        ["Sms:WebhookUrl"] = "http://127.0.0.1:9/unused",
        ["Sms:WebhookSecret"] = "codescan-benchmark-sms-secret-0123456789abcdef",
    };

    /// <summary>
    /// The service in the Production environment (no developer exception page, no scope validation, no GraphiQL),
    /// with <see cref="BenchSmsGateway"/> as its SMS gateway.
    /// </summary>
    /// <param name="services">Runs after the service's own registrations (the year benchmark's clock, say).</param>
    public static async Task<WebApplication> BuildHostAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = CodeScanApp.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory },
            b => b.Configuration.AddInMemoryCollection(settings));
        builder.Services.AddSingleton<BenchSmsGateway>();
        builder.Services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<BenchSmsGateway>());
        services?.Invoke(builder.Services);
        builder.Logging.ClearProviders();
        return await CodeScanApp.BuildAsync(builder);
    }

    public static async Task<ApiUnderTest> StartAsync(BenchOptions options, string databaseName, string? keyPrefix = null, Action<IServiceCollection>? services = null)
    {
        keyPrefix ??= databaseName + ":";
        var app = await BuildHostAsync(Settings(options, databaseName, keyPrefix), services);
        await app.StartAsync();
        var http = new HttpClient(Handler(), disposeHandler: true) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        return new ApiUnderTest(app, http, databaseName, keyPrefix);
    }

    /// <summary>Plain HTTP/1.1 keep-alive connections, enough of them for every client at once.</summary>
    public static SocketsHttpHandler Handler() => new()
    {
        MaxConnectionsPerServer = 4096,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    /// <summary>
    /// Another node of the same service: a second host on the same database and Redis key prefix, serving the
    /// customers and merchants this one prepared (their tokens are valid on every node).
    /// </summary>
    public async Task<ApiUnderTest> StartAnotherNodeAsync(BenchOptions options)
    {
        var node = await StartAsync(options, DatabaseName, KeyPrefix);
        node.OwnerToken = OwnerToken;
        node.Merchants = Merchants;
        node.Customers = Customers;
        return node;
    }

    /// <summary>
    /// Signs everyone in, registers and approves the merchants and funds every customer at one of them (customer i
    /// at merchant i mod n): with one merchant every payment credits the same merchant-side account.
    /// </summary>
    public async Task PrepareAsync(int customers, int merchants)
    {
        OwnerToken = await SignInAsync("13900000001");
        var admin = await SignInAsync("13800000000");
        var registered = new List<(string, Guid)>();
        for (var m = 0; m < merchants; m++)
        {
            registered.Add(await RegisterMerchantAsync(admin, m));
        }

        Merchants = registered;
        var list = new List<BenchCustomer>();
        for (var i = 0; i < customers; i++)
        {
            var phone = "137" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var token = await SignInAsync(phone);
            var (merchantGlobalId, merchantId) = registered[i % merchants];
            await SetupAsync(OwnerToken,
                "mutation($m: ID!, $p: String!, $k: String!) { rechargeAtCounter(input: { merchantId: $m, customerPhone: $p, amount: 100000000, idempotencyKey: $k }) { errors { code message } } }",
                new { m = merchantGlobalId, p = phone, k = "fund-" + i });
            list.Add(new BenchCustomer(token, merchantGlobalId, merchantId));
        }

        Customers = list;
        await WaitForProjectorAsync(TimeSpan.FromSeconds(60));
    }

    private async Task<(string GlobalId, Guid Id)> RegisterMerchantAsync(string admin, int index)
    {
        var registered = await SetupAsync(OwnerToken,
            "mutation($n: String!, $l: String!) { registerMerchant(input: { name: $n, contactPhone: \"13900000001\", businessLicenceNumber: $l, address: \"1 Road\", category: \"tea\" }) { merchant { id } errors { code message } } }",
            new { n = "Bench " + index, l = "B" + index });
        var globalId = registered["registerMerchant"]!["merchant"]!["id"]!.GetValue<string>();
        var id = GlobalId.TryDecode(globalId, out _, out var merchantId)
            ? merchantId
            : throw new InvalidOperationException($"'{globalId}' is not a global id");
        await SetupAsync(admin, "mutation($m: ID!) { approveMerchant(input: { merchantId: $m }) { merchant { id } errors { code message } } }", new { m = globalId });
        return (globalId, id);
    }

    /// <summary>The next customer, round-robin over all of them (or over the first merchant's).</summary>
    public BenchCustomer NextCustomer(bool firstMerchantOnly = false)
    {
        var turn = (uint)Interlocked.Increment(ref _roundRobin);
        if (!firstMerchantOnly)
        {
            return Customers[(int)(turn % (uint)Customers.Count)];
        }

        // Customer i pays at merchant i mod n: the first merchant's are every n-th.
        var atFirst = (uint)((Customers.Count + Merchants.Count - 1) / Merchants.Count);
        return Customers[(int)(turn % atFirst) * Merchants.Count];
    }

    /// <summary>One STORED_VALUE payment of 0.01 with a fresh idempotency key; <c>null</c> when it went through.</summary>
    public Task<string?> RedeemAsync(bool firstMerchantOnly = false) => RedeemForAsync(NextCustomer(firstMerchantOnly));

    /// <summary>One STORED_VALUE payment of 0.01 by this customer; <c>null</c> when it went through.</summary>
    public async Task<string?> RedeemForAsync(BenchCustomer customer)
    {
        var body = "{\"query\":" + RedeemQueryJson + ",\"variables\":{\"m\":\"" + customer.MerchantGlobalId + "\",\"k\":\"b" + Guid.NewGuid().ToString("N") + "\"}}";
        using var document = await PostAsync(customer.Token, body);
        return document.Error ?? PayloadError(document.Data, "redeem");
    }

    /// <summary>The wallet query a customer's app makes; <c>null</c> when it answered with a wallet.</summary>
    public Task<string?> WalletAsync() => WalletForAsync(NextCustomer());

    /// <summary>This customer's wallet query; <c>null</c> when it answered with a wallet.</summary>
    public async Task<string?> WalletForAsync(BenchCustomer customer)
    {
        var body = "{\"query\":" + WalletQueryJson + ",\"variables\":{\"m\":\"" + customer.MerchantGlobalId + "\"}}";
        using var document = await PostAsync(customer.Token, body);
        return document.Error ?? (document.Data.TryGetProperty("wallet", out var wallet) && wallet.ValueKind == JsonValueKind.Object ? null : "wallet is null");
    }

    /// <summary>Waits until the projector's checkpoint has reached the last event in the log.</summary>
    public async Task WaitForProjectorAsync(TimeSpan timeout)
    {
        var last = await LastPositionAsync();
        var store = Services.GetRequiredService<IReadModelStore>();
        var deadline = DateTime.UtcNow + timeout;
        while (await store.GetCheckpointAsync(CancellationToken.None) < last)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the projector did not reach position {last} in {timeout.TotalSeconds} s");
            }

            await Task.Delay(5);
        }
    }

    public async Task<long> LastPositionAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        return await db.EventLog.AsNoTracking().MaxAsync(e => (long?)e.Position) ?? 0;
    }

    public async Task<long> EventCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        return await db.EventLog.AsNoTracking().LongCountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string? PayloadError(JsonElement data, string field)
    {
        if (!data.TryGetProperty(field, out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return $"{field}: no payload";
        }

        if (payload.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            return $"{field}: {first.GetProperty("code").GetString()} {first.GetProperty("message").GetString()}";
        }

        return null;
    }

    private async Task<GraphQLAnswer> PostAsync(string? token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode && bytes.Length == 0)
        {
            return new GraphQLAnswer(null, $"HTTP {(int)response.StatusCode}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return new GraphQLAnswer(null, $"HTTP {(int)response.StatusCode}: not JSON");
        }

        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var code = first.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var c) ? c.GetString() + " " : "";
            var message = first.TryGetProperty("message", out var m) ? m.GetString() : "";
            return new GraphQLAnswer(document, $"GraphQL error: {code}{message}");
        }

        return root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? new GraphQLAnswer(document, null)
            : new GraphQLAnswer(document, $"HTTP {(int)response.StatusCode}: no data");
    }

    /// <summary>A setup call: any error at all stops the benchmark.</summary>
    public async Task<JsonNode> SetupAsync(string? token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is JsonArray { Count: > 0 })
        {
            throw new InvalidOperationException($"setup failed: {query}\n{body.ToJsonString()}");
        }

        var data = body["data"]!;
        foreach (var payload in data.AsObject())
        {
            if (payload.Value?["errors"] is JsonArray { Count: > 0 } userErrors)
            {
                throw new InvalidOperationException($"setup failed: {query}\n{userErrors.ToJsonString()}");
            }
        }

        return data;
    }

    public async Task<string> SignInAsync(string phone)
    {
        await SetupAsync(null, "mutation($p: String!) { requestSignInCode(input: { phone: $p }) { errors { code message } } }", new { p = phone });
        var code = Services.GetRequiredService<BenchSmsGateway>().LatestCodeFor(phone)
            ?? throw new InvalidOperationException($"no sign-in code was texted to {phone}");
        var signedIn = await SetupAsync(null, "mutation($p: String!, $c: String!) { signIn(input: { phone: $p, code: $c }) { accessToken errors { code message } } }", new { p = phone, c = code });
        return signedIn["signIn"]!["accessToken"]!.GetValue<string>();
    }

    /// <summary>A parsed answer (disposed with it) and the error it carried, if any.</summary>
    private sealed class GraphQLAnswer(JsonDocument? document, string? error) : IDisposable
    {
        public string? Error { get; } = error;

        public JsonElement Data => document!.RootElement.GetProperty("data");

        public void Dispose() => document?.Dispose();
    }
}

/// <summary>A funded customer: its access token and the merchant it pays.</summary>
internal sealed record BenchCustomer(string Token, string MerchantGlobalId, Guid MerchantId);
