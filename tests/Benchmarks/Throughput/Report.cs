using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>
/// A CodeScan figure (one node) beside its baseline at the same client count and, with <c>--nodes 2</c>, beside
/// the same work on two nodes.
/// </summary>
internal sealed record Comparison(string Work, int Clients, RunResult CodeScan, RunResult Baseline, RunResult? TwoNodes = null)
{
    /// <summary>CodeScan's rate (one node) as a share of the baseline's.</summary>
    public double Ratio => Baseline.OpsPerSecond > 0 ? CodeScan.OpsPerSecond / Baseline.OpsPerSecond : double.NaN;

    /// <summary>Two nodes' rate ÷ one node's; <c>null</c> when two nodes were not run.</summary>
    public double? TwoNodeRatio => TwoNodes is null ? null : CodeScan.OpsPerSecond > 0 ? TwoNodes.OpsPerSecond / CodeScan.OpsPerSecond : double.NaN;
}

internal sealed record Results(
    DateTimeOffset StartedAt,
    string Commit,
    bool? WorkingTreeDirty,
    IReadOnlyDictionary<string, string> Machine,
    BenchOptionsSummary Settings,
    IReadOnlyList<SettleResult> Settle,
    IReadOnlyList<Comparison> Throughput,
    IReadOnlyList<string> Notes,
    UnderLoadResult? UnderLoad,
    UnderLoadResult? UnderLoadTwoNodes,
    IReadOnlyList<RebuildResult> Rebuild,
    IReadOnlyList<string> Warnings);

internal sealed record BenchOptionsSummary(
    double DurationSeconds, double WarmupSeconds, int Rounds, double SettleSeconds, IReadOnlyList<string> Works, IReadOnlyList<int> Clients, int Nodes, int Customers, int Merchants, int Accounts, double Rate, double LoadSeconds);

internal static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string F(double value, int decimals = 1) =>
        double.IsNaN(value) ? "-" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Latency(LatencySummary l) =>
        $"p50 {F(l.P50, 2)}  p90 {F(l.P90, 2)}  p99 {F(l.P99, 2)}  max {F(l.Max, 2)}";

    public static string Progress(RunResult r) =>
        $"  {r.Work,-7} {r.System,-13} {r.Clients,3} clients: {F(r.OpsPerSecond),9} ops/s  p50 {F(r.Latency.P50, 2)} ms  p99 {F(r.Latency.P99, 2)} ms" +
        (r.Failed > 0 ? $"  !! {r.Failed} ERRORS" : "");

    /// <summary>One row per work and client count; with two-node runs, their figures and ratio on the right.</summary>
    public static string Table(IReadOnlyList<Comparison> rows)
    {
        var twoNodes = rows.Any(r => r.TwoNodes is not null);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{"work",-7} {"clients",7} | {(twoNodes ? "1 node ops/s" : "CodeScan ops/s"),14} {"p50 ms",9} {"p99 ms",9} | {"baseline",-12} {"ops/s",9} {"p50 ms",9} {"p99 ms",9} | {"ratio",7}");
        text.AppendLine(twoNodes ? string.Create(CultureInfo.InvariantCulture, $" | {"2 nodes ops/s",13} {"p50 ms",9} {"p99 ms",9} | {"2n/1n",7}") : "");
        text.AppendLine(new string('-', twoNodes ? 159 : 112));
        foreach (var row in rows)
        {
            var c = row.CodeScan;
            var b = row.Baseline;
            text.Append(CultureInfo.InvariantCulture,
                $"{row.Work,-7} {row.Clients,7} | {F(c.OpsPerSecond),14} {F(c.Latency.P50, 2),9} {F(c.Latency.P99, 2),9} | {b.System,-12} {F(b.OpsPerSecond),9} {F(b.Latency.P50, 2),9} {F(b.Latency.P99, 2),9} | {F(row.Ratio, 3) + "×",7}");
            text.AppendLine(row.TwoNodes is { } n
                ? string.Create(CultureInfo.InvariantCulture, $" | {F(n.OpsPerSecond),13} {F(n.Latency.P50, 2),9} {F(n.Latency.P99, 2),9} | {F(row.TwoNodeRatio ?? double.NaN, 3) + "×",7}")
                : "");
        }

        return text.ToString();
    }

    public static string UnderLoadLines(UnderLoadResult u)
    {
        var text = new StringBuilder();
        var backlog = u.CompletedRate < u.TargetRate * 0.95 ? " — the service did not keep up, so the latencies below include a growing backlog" : "";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"under load ({u.Setup}): target {F(u.TargetRate)} payments/s for {F(u.Seconds)} s, sent {u.Sent} at {F(u.AchievedRate)}/s (open loop; {u.LateSends} sent more than one interval late), {u.Succeeded} ok, {u.Failed} failed; answered at {F(u.CompletedRate)}/s{backlog}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"redeem latency ms (from when due):",-40} {Latency(u.Redeem)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"commit→alert ms:",-40} {Latency(u.CommitToAlert)}  ({u.AlertsReceived} of {u.AlertsExpected} alerts)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"projection lag ms (commit→checkpoint):",-40} {Latency(u.ProjectionLag)}  ({u.EventsSeenProjected} of {u.EventsCommitted} events; checkpoint polled every {F(u.MeanPollIntervalMs, 2)} ms on average)");
        return text.ToString();
    }

    public static string SettleLine(SettleResult r) =>
        $"  settle  {r.Work,-21} {r.Clients,3} clients: {F(r.Seconds, 0)} s, {r.MethodsCompiled:N0} methods compiled, {r.LastSecondCompiled} in the last second" +
        (r.Settled ? "" : $"  !! the JIT was still busy when the {F(r.Seconds, 0)} s limit passed");

    public static string RebuildLine(RebuildResult r) =>
        $"rebuild into {r.Target,-6}: {r.Events} events in {F(r.Seconds, 2)} s = {F(r.EventsPerSecond, 0)} events/s ({r.How}; " +
        (r.Target == "redis"
            ? $"host started in {F(r.StartSeconds * 1000, 0)} ms, checkpoint first moved at {F(r.FirstProgressSeconds * 1000, 0)} ms, {r.CheckpointMoves} checkpoint values seen)"
            : $"first event applied at {F(r.FirstProgressSeconds * 1000, 0)} ms)");

    public static async Task WriteJsonAsync(string path, Results results)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(full, JsonSerializer.Serialize(results, Json) + "\n");
        Console.WriteLine($"results: {full}");
    }

    /// <summary>The commit of the checkout this driver was built from, and whether its tracked files differ from it.</summary>
    public static (string Commit, bool? Dirty) GitState()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Path.Exists(Path.Combine(directory.FullName, ".git")))
        {
            directory = directory.Parent;
        }

        var workingDirectory = directory?.FullName ?? Environment.CurrentDirectory;
        var commit = Git(workingDirectory, "rev-parse --short HEAD")?.Trim();
        var status = Git(workingDirectory, "status --porcelain --untracked-files=no");
        return (string.IsNullOrEmpty(commit) ? "unknown" : commit, status is null ? null : status.Trim().Length > 0);
    }

    public static Dictionary<string, string> Machine()
    {
        var machine = new Dictionary<string, string>
        {
            ["nproc"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["serverGC"] = System.Runtime.GCSettings.IsServerGC.ToString(),
            ["memoryBytes"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes.ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                machine["cpu"] = model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return machine;
    }

    private static string? Git(string workingDirectory, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
