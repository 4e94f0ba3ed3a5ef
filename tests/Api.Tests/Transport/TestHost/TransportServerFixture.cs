using CodeScan.Api.Transport;
using CodeScan.Application.Common.Security;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeScan.Api.Tests.Transport.TestHost;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, serving the test schema through our transports.</summary>
public sealed class TransportServerFixture : IAsyncLifetime, IAsyncDisposable
{
    public const int MaxRequestBytes = 16 * 1024;
    public const int MaxOperationsPerSocket = 20;

    /// <summary>
    /// Short enough for a quick 4408 test, which starts its own server with it; the shared server keeps a
    /// generous timeout so a busy test machine cannot turn a slow <c>connection_init</c> into a flaky 4408.
    /// </summary>
    public static readonly TimeSpan ShortConnectionInitTimeout = TimeSpan.FromMilliseconds(300);

    private readonly TimeSpan connectionInitTimeout;
    private WebApplication? app;

    public TransportServerFixture()
        : this(TimeSpan.FromSeconds(10))
    {
    }

    private TransportServerFixture(TimeSpan connectionInitTimeout) => this.connectionInitTimeout = connectionInitTimeout;

    public TimeSpan ConnectionInitTimeout => connectionInitTimeout;

    public Uri HttpUri { get; private set; } = null!;

    public Uri WebSocketUri { get; private set; } = null!;

    public TestEventHub Hub => Services.GetRequiredService<TestEventHub>();

    public ScopeTracker Scopes => Services.GetRequiredService<ScopeTracker>();

    public IServiceProvider Services => app!.Services;

    /// <summary>Starts a server of its own, for a test that needs other settings than the shared one.</summary>
    public static async Task<TransportServerFixture> StartAsync(TimeSpan connectionInitTimeout)
    {
        var server = new TransportServerFixture(connectionInitTimeout);
        await server.InitializeAsync();
        return server;
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphQL:Transport:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GraphQL:Transport:ConnectionInitTimeout"] = connectionInitTimeout.ToString(),
            ["GraphQL:Transport:MaxOperationsPerSocket"] = MaxOperationsPerSocket.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GraphQL:Transport:CloseHandshakeTimeout"] = "00:00:01",
        });

        builder.Services.AddSingleton<TestEventHub>();
        builder.Services.AddSingleton<ScopeTracker>();
        builder.Services.AddScoped<ScopedProbe>();
        builder.Services.AddSingleton<IAccessTokens, FakeAccessTokens>();
        // The socket limits' slots, which the service takes from Infrastructure: one node here, so in memory.
        builder.Services.AddSingleton<IConnectionSlots, CodeScan.Infrastructure.Security.LocalConnectionSlots>();
        // Graph types referenced by type (not instance) are built by DI.
        builder.Services.AddTransient<TestEventType>();
        // With the document cache the API uses, so every transport test also runs with cached documents.
        builder.Services.AddGraphQL(graphQL => graphQL.AddSchema<TransportTestSchema>().AddSystemTextJson().AddDocumentCache());
        builder.Services.AddGraphQLTransports(builder.Configuration);

        app = builder.Build();
        app.MapGraphQLTransports();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        HttpUri = new Uri($"{address}/graphql");
        WebSocketUri = new UriBuilder(HttpUri) { Scheme = "ws" }.Uri;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
