// Measures the time from a payment's commit to its alert arriving at a till over a real WebSocket.
//
//   dotnet run -c Release --project tests/Benchmarks/AlertLatency -- [payments] [embedded|mariadb]
//
// mariadb mode reads CODESCAN_TEST_MYSQL and CODESCAN_TEST_REDIS (./scripts/test.sh prints how it starts
// them). Commit time is the event log's recorded_at, taken in the transaction just before COMMIT, so the
// figures include the commit itself. Same machine, same clock: no skew between the two timestamps.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api;
using CodeScan.Infrastructure.Identity;
using CodeScan.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var payments = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var mode = args.Length > 1 ? args[1] : "embedded";

var settings = new Dictionary<string, string?>
{
    ["Urls"] = "http://127.0.0.1:0",
    ["Platform:AdminPhones:0"] = "+8613800000000",
    ["Logging:LogLevel:Default"] = "Warning",
    ["Identity:RateLimits:PhoneInterval"] = "00:00:00",
    ["Identity:RateLimits:PhonePerHour"] = "1000000",
    ["Identity:RateLimits:AddressPerHour"] = "1000000",
    ["RateLimits:Payments"] = "0",
};
var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
if (mode == "mariadb")
{
    settings["ConnectionStrings:MySql"] = Environment.GetEnvironmentVariable("CODESCAN_TEST_MYSQL") + $"Database={name};";
    settings["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("CODESCAN_TEST_REDIS");
    settings["Redis:KeyPrefix"] = name + ":";
}
else
{
    settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}";
}

var builder = CodeScanApp.CreateBuilder(
    new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory },
    b => b.Configuration.AddInMemoryCollection(settings));
builder.Logging.ClearProviders();
await using var app = await CodeScanApp.BuildAsync(builder);
await app.StartAsync();
var baseAddress = new Uri(app.Urls.First());
using var http = new HttpClient { BaseAddress = baseAddress };

async Task<JsonNode> Gql(string? token, string query, object? variables = null)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
    if (token is not null)
    {
        request.Headers.Authorization = new("Bearer", token);
    }

    using var response = await http.SendAsync(request);
    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    return body["errors"] is JsonArray { Count: > 0 } ? throw new InvalidOperationException(body.ToJsonString()) : body["data"]!;
}

async Task<string> SignIn(string phone)
{
    await Gql(null, "mutation($p: String!) { requestSignInCode(input: { phone: $p }) { errors { code } } }", new { p = phone });
    var code = app.Services.GetRequiredService<DevelopmentSmsOutbox>().LatestCodeFor(phone)!;
    var signedIn = await Gql(null, "mutation($p: String!, $c: String!) { signIn(input: { phone: $p, code: $c }) { accessToken } }", new { p = phone, c = code });
    return signedIn["signIn"]!["accessToken"]!.GetValue<string>();
}

var owner = await SignIn("13900000001");
var admin = await SignIn("13800000000");
var customerPhone = "13700001234";
var customer = await SignIn(customerPhone);
var merchantId = (await Gql(owner, "mutation { registerMerchant(input: { name: \"Bench\", contactPhone: \"13900000001\", businessLicenceNumber: \"B1\", address: \"1 Road\", category: \"tea\" }) { merchant { id } } }"))
    ["registerMerchant"]!["merchant"]!["id"]!.GetValue<string>();
await Gql(admin, "mutation($m: ID!) { approveMerchant(input: { merchantId: $m }) { merchant { id } } }", new { m = merchantId });
await Gql(owner, "mutation($m: ID!, $p: String!) { rechargeAtCounter(input: { merchantId: $m, customerPhone: $p, amount: 100000000, idempotencyKey: \"fund\" }) { errors { code } } }", new { m = merchantId, p = customerPhone });

using var socket = new ClientWebSocket();
socket.Options.AddSubProtocol("graphql-transport-ws");
await socket.ConnectAsync(new UriBuilder(baseAddress) { Scheme = "ws", Path = "/graphql" }.Uri, CancellationToken.None);
async Task Send(object message) => await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
await Send(new { type = "connection_init", payload = new { authorization = "Bearer " + owner } });
await Send(new { id = "a", type = "subscribe", payload = new { query = "subscription($m: ID!) { merchantAlerts(merchantId: $m) { id kind } }", variables = new { m = merchantId } } });

var received = new Dictionary<long, DateTimeOffset>();
var receiving = Task.Run(async () =>
{
    var buffer = new byte[64 * 1024];
    while (socket.State == WebSocketState.Open)
    {
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        var arrivedAt = DateTimeOffset.UtcNow;
        var message = JsonNode.Parse(text.ToString())!;
        if (message["type"]?.GetValue<string>() == "next" && message["payload"]?["data"]?["merchantAlerts"] is { } alert && alert["kind"]!.GetValue<string>() == "STORED_VALUE_REDEEMED")
        {
            lock (received)
            {
                received[long.Parse(alert["id"]!.GetValue<string>(), CultureInfo.InvariantCulture)] = arrivedAt;
            }
        }
    }
});

// Warm up until the subscription demonstrably delivers, then measure.
async Task Pay(int i) => await Gql(customer, "mutation($m: ID!, $k: String!) { redeem(input: { merchantId: $m, amount: 100, idempotencyKey: $k }) { errors { code } } }", new { m = merchantId, k = "p" + i });
await Pay(-1);
var deadline = Stopwatch.StartNew();
while (received.Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
{
    await Task.Delay(10);
}

lock (received)
{
    received.Clear();
}

var clock = Stopwatch.StartNew();
for (var i = 0; i < payments; i++)
{
    await Pay(i);
}

while (received.Count < payments && clock.Elapsed < TimeSpan.FromMinutes(5))
{
    await Task.Delay(10);
}

await using var scope = app.Services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
var positions = received.Keys.ToList();
var committed = await db.EventLog.AsNoTracking().Where(e => positions.Contains(e.Position)).ToDictionaryAsync(e => e.Position, e => e.RecordedAt);
var latencies = received.Select(r => (r.Value - committed[r.Key]).TotalMilliseconds).Order().ToArray();

double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mode={mode} payments={payments} alerts={latencies.Length} elapsed={clock.Elapsed.TotalSeconds:F1}s commit→alert ms: p50={Percentile(0.50):F2} p90={Percentile(0.90):F2} p99={Percentile(0.99):F2} max={latencies[^1]:F2}"));
await app.StopAsync();
return latencies.Length == payments ? 0 : 1;
