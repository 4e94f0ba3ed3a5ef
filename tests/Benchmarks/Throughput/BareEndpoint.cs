using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CodeScan.Application.Common.Security;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>
/// The wallet read with nothing of CodeScan around it: a minimal Kestrel app in this process whose one
/// route checks the bearer token with the API's own <see cref="IAccessTokens"/> and returns the wallet
/// read model's JSON from one Redis GET of the key the API reads.
/// </summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly ApiUnderTest _api;

    private BareEndpoint(WebApplication app, ApiUnderTest api)
    {
        _app = app;
        _api = api;
        _http = new HttpClient(ApiUnderTest.Handler(), disposeHandler: true) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
    }

    public static async Task<BareEndpoint> StartAsync(ApiUnderTest api)
    {
        var tokens = api.Services.GetRequiredService<IAccessTokens>();
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();
        var keys = api.Services.GetRequiredService<RedisKeys>();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/wallet/{merchantId}", async context =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            var principal = header.StartsWith("Bearer ", StringComparison.Ordinal) ? tokens.Validate(header[7..]) : null;
            if (principal is null || !Guid.TryParse(principal.FindFirst("sub")?.Value, out var customerId))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            if (!Guid.TryParse(context.Request.RouteValues["merchantId"] as string, out var merchantId))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var json = await redis.GetDatabase().StringGetAsync(keys.Wallet(merchantId, customerId));
            if (json.IsNull)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json.ToString());
        });
        await app.StartAsync();
        return new BareEndpoint(app, api);
    }

    /// <summary>One wallet read by the next customer; <c>null</c> when it answered 200 with a body.</summary>
    public async Task<string?> WalletAsync()
    {
        var customer = _api.NextCustomer();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wallet/" + customer.MerchantId.ToString("N"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"HTTP {(int)response.StatusCode}";
        }

        // Parsed like the GraphQL answers, so the driver does the same work for both.
        using var wallet = JsonDocument.Parse(body);
        return wallet.RootElement.ValueKind == JsonValueKind.Object ? null : "not a wallet";
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
