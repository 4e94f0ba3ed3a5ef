using System.Diagnostics;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Projections;

/// <summary>
/// Issue 12, point 6, embedded: the read models are the service's memory, rebuilt at every start, so the
/// command swaps nothing; it says so, and replays the whole log through every projection as a check.
/// </summary>
public sealed class EmbeddedRebuildReadModelsTests
{
    [Fact]
    public async Task Rebuild_WhenEmbedded_SaysTheServiceRebuildsAtStartAndReplaysTheWholeLog()
    {
        long lastPosition;
        HostStores stores;
        await using (var host = await CodeScanHost.StartAsync(StoreMode.Embedded))
        {
            var merchant = await MerchantScenario.ApprovedAsync(host);
            await merchant.FundedCustomerAsync(1_000);
            lastPosition = (await ResilienceReadModelCheck.ReadWholeLogAsync(host))[^1].Position;
            stores = host.Stores;
        }

        var rebuild = await RebuildRun.RunAsync(stores);

        Assert.True(rebuild.ExitCode == 0, rebuild.Errors);
        Assert.StartsWith("Embedded mode: the read models live in memory and the service rebuilds them from the event log at every start", rebuild.Output, StringComparison.Ordinal);
        Assert.Contains($"replayed cleanly into every projection here: {lastPosition:N0} events in ", rebuild.Output, StringComparison.Ordinal);
        Assert.Contains($"{lastPosition:N0}/{lastPosition:N0} events", rebuild.Errors, StringComparison.Ordinal);
    }

    /// <summary>The real command line, in its own process: exit code and the final line.</summary>
    [Fact]
    public async Task Rebuild_AsAProcess_ExitsZeroWithItsFinalLine()
    {
        var stores = HostStores.Create(StoreMode.Embedded);
        Directory.CreateDirectory(Path.GetDirectoryName(stores.SqlitePath)!);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "CodeScan.Api.dll"), "rebuild-read-models", "--ConnectionStrings:Sqlite", $"Data Source={stores.SqlitePath}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(process.ExitCode == 0, await errors);
        Assert.Matches(@"^Embedded mode: .* 0 events in [\d.]+ s \([\d,]+ events/s\)\.\r?\n$", await output);
    }
}
