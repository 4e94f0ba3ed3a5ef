using CodeScan.Api.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CodeScan.Api.Tests.Support;

/// <summary>What <c>rebuild-read-models</c> answered: its exit code, stdout and stderr.</summary>
public sealed record RebuildOutcome(int ExitCode, string Output, string Errors);

/// <summary>
/// Runs <c>rebuild-read-models</c> in this process, as <c>Program</c> does, against a host's stores: its own
/// service provider (own Redis connection and singletons), never started, as the command's own process has.
/// </summary>
public static class RebuildRun
{
    public static async Task<RebuildOutcome> RunAsync(HostStores stores, Action<IDictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        stores.Apply(settings);
        configure?.Invoke(settings);
        var builder = CodeScanApp.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory },
            b => b.Configuration.AddInMemoryCollection(settings));
        builder.Logging.ClearProviders();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await RebuildReadModelsCommand.RunAsync(builder, output, errors);
        return new RebuildOutcome(exitCode, output.ToString(), errors.ToString());
    }
}
