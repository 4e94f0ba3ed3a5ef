using System.Text.Json;
using CodeScan.Api.Diagnostics;
using CodeScan.Api.Endpoints;
using CodeScan.Api.Endpoints.GraphiQL;
using CodeScan.Api.Transport;
using CodeScan.Application;
using CodeScan.Infrastructure;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace CodeScan.Api;

/// <summary>The composition root, shared by Program and the tests (which host it on a real port).</summary>
public static class CodeScanApp
{
    /// <summary>
    /// The service as <c>Program</c> starts it. Its content root (appsettings*.json) is the folder the app was
    /// built or published to, wherever it is started from, unless <c>--contentRoot</c> says otherwise; relative
    /// paths in settings (the SQLite file) still resolve against the working directory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
    });

    /// <param name="configure">Runs before any service is added, so configuration it adds decides the stores.</param>
    public static WebApplicationBuilder CreateBuilder(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        builder.Services
            .AddApplication(builder.Configuration)
            .AddInfrastructure(builder.Configuration)
            .AddApi(builder.Configuration, builder.Environment);
        return builder;
    }

    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var app = builder.Build();
        RefuseUnsafeConfiguration(app);
        await app.Services.MigrateDatabaseAsync(cancellationToken);

        app.UseCorrelationIds();

        // Browsers on other origins (CrossOriginOptions): preflights answered, responses marked, before any endpoint.
        app.UseCors();
        app.MapGet("/healthz", () => Results.Json(new { status = "up" }));
        app.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken ct) =>
        {
            var report = await probe.CheckAsync(ct);
            return Results.Json(report, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

        app.MapQrCodeEndpoints();
        app.MapPaymentWebhookEndpoints();
        app.MapConsoleEndpoints();
        app.MapDashboardEndpoints();
        app.MapDevelopmentInbox(app.Environment);

        // Before the transports: a browser's GET for HTML gets the IDE, any other request the transports.
        app.UseGraphiQL("/graphql");
        app.MapGraphQLTransports("/graphql");
        return app;
    }

    private static void RefuseUnsafeConfiguration(WebApplication app)
    {
        var jwt = app.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        if (!app.Environment.IsDevelopment() && jwt.SigningKey == JwtOptions.DevelopmentSigningKey)
        {
            throw new InvalidOperationException("Jwt:SigningKey must be configured outside Development.");
        }

        if (jwt.SigningKey.Length < 32)
        {
            throw new InvalidOperationException("Jwt:SigningKey must be at least 32 characters.");
        }
    }
}
