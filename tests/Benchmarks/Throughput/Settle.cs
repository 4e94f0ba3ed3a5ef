using System.Runtime;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>How a work was brought to its steady state before it was measured.</summary>
internal sealed record SettleResult(string Work, int Clients, double Seconds, long MethodsCompiled, long LastSecondCompiled, bool Settled);

/// <summary>
/// A freshly started .NET service first runs unoptimized code and recompiles its hot methods in the
/// background (tiered compilation). With every core busy serving requests that takes tens of seconds, so
/// a fixed two-second warm-up measures the JIT, not the service. Before a work is measured, it is run
/// in one-second rounds until a round compiles fewer than <see cref="QuietMethodsPerSecond"/> methods
/// (or the limit passes), which is what a service that has been up for a while looks like.
/// </summary>
internal static class Settle
{
    public const long QuietMethodsPerSecond = 25;

    public static async Task<SettleResult> RunAsync(string work, int clients, TimeSpan limit, Operation operation)
    {
        var started = JitInfo.GetCompiledMethodCount();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long lastRound;
        bool quiet;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            await ClosedLoop.RunAsync(work, "settle", clients, TimeSpan.Zero, TimeSpan.FromSeconds(1), operation);
            lastRound = JitInfo.GetCompiledMethodCount() - before;
            quiet = lastRound < QuietMethodsPerSecond;
        }
        while (!quiet && clock.Elapsed < limit);

        return new SettleResult(work, clients, clock.Elapsed.TotalSeconds, JitInfo.GetCompiledMethodCount() - started, lastRound, quiet);
    }
}
