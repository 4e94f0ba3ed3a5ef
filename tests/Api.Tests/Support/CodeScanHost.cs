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

    public static async Task<CodeScanHost> StartAsync(HostStores stores, Action<IDictionary<string, string?>>? configure = null, string environment = "Development")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Platform:AdminPhones:0"] = AdminPhone,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CodeScan"] = "Warning",
        };
        stores.Apply(settings);
        configure?.Invoke(settings);

        var builder = CodeScanApp.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory },
            b => b.Configuration.AddInMemoryCollection(settings));
        builder.Logging.ClearProviders();
        var app = await CodeScanApp.BuildAsync(builder);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return new CodeScanHost(app, stores, address);
    }

    /// <summary>Signs in through the development endpoint; returns the bearer token.</summary>
    public async Task<string> SignInAsync(string phone)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { phone });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["accessToken"]!.GetValue<string>();
    }

    /// <summary>POSTs one GraphQL request and returns the whole response document.</summary>
    public async Task<JsonObject> GraphQLAsync(string? token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
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
