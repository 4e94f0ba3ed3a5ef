using System.Globalization;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.Projections;

namespace CodeScan.Api.Commands;

/// <summary>
/// <c>rebuild-read-models</c>: rebuilds every read model from the event log beside the live ones and switches
/// the running service to them (<see cref="ReadModelRebuilder"/>), with a progress bar on stderr and one plain
/// line on stdout at the end. Returns the process's exit code: 0, or 1 with the reason on stderr.
/// </summary>
public static class RebuildReadModelsCommand
{
    public static async Task<int> RunAsync(WebApplicationBuilder builder, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        try
        {
            // Built, never started: no hosted service runs here (no projector, no generation sync).
            await using var app = builder.Build();
            await app.Services.MigrateDatabaseAsync(cancellationToken);
            var bar = new ProgressBar(errors, TimeProvider.System);
            var result = await app.Services.GetRequiredService<ReadModelRebuilder>().RunAsync(bar, cancellationToken);
            bar.Finish();
            output.WriteLine(Summary(result));
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            errors.WriteLine();
            errors.WriteLine($"rebuild-read-models failed: {ex.Message}");
            return 1;
        }
    }

    private static string Summary(RebuildResult result)
    {
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
        var figures = string.Create(
            CultureInfo.InvariantCulture, $"{result.Events:N0} events in {result.Elapsed.TotalSeconds:F1} s ({result.Events / seconds:N0} events/s)");
        return result.Generation is { } generation
            ? $"Rebuilt every read model: {figures}; generation {generation} is live, generation {result.Retired} was deleted."
            : $"Embedded mode: the read models live in memory and the service rebuilds them from the event log at every start, "
              + $"so there is nothing to swap. The log replayed cleanly into every projection here: {figures}.";
    }
}
