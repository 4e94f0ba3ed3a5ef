using System.Diagnostics;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Examples;

/// <summary>
/// examples/web with its types generated from a running embedded service (<c>npm run codegen</c>) and type-checked
/// and compiled against them (<c>npm run build</c>), once for the tests that run its scripts.
/// </summary>
public sealed class BuiltWebExample : IAsyncLifetime
{
    public const string Project = "examples/web";

    /// <summary>What codegen and the build printed.</summary>
    public string Log { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var environment = new Dictionary<string, string> { ["CODESCAN_URL"] = host.GraphQLUri.ToString() };
        var log = new List<string>();
        await RunAsync("codegen", environment, log.Add);
        await RunAsync("build", environment, log.Add);
        Log = string.Join('\n', log);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs one npm script to its end; it must exit 0. Returns what it printed.</summary>
    public static async Task<string> RunAsync(string npmScript, IReadOnlyDictionary<string, string> environment, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        using var script = NodeScript.StartNpm(Project, npmScript, environment);
        var (exitCode, printed) = await script.WaitAsync();
        log($"npm run {npmScript}: exit {exitCode} after {clock.Elapsed.TotalSeconds:F1} s\n{printed}{script.Errors}");
        Assert.True(exitCode == 0, $"npm run {npmScript} exited with {exitCode}:\n{printed}{script.Errors}");
        return printed;
    }
}
