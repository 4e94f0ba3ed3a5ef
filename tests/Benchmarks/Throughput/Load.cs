using System.Diagnostics;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>One operation by one client: <c>null</c> when it succeeded, otherwise what went wrong.</summary>
internal delegate Task<string?> Operation(int client);

/// <summary>Latency figures in milliseconds, nearest-rank percentiles.</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LatencySummary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>A closed-loop run: <see cref="Clients"/> clients, each sending its next request when the previous one answered.</summary>
internal sealed record RunResult(
    string Work,
    string System,
    int Clients,
    double Seconds,
    long Succeeded,
    long Failed,
    double OpsPerSecond,
    LatencySummary Latency,
    IReadOnlyList<string> ErrorSamples);

/// <summary>Keeps the first few distinct error messages, thread-safe.</summary>
internal sealed class ErrorSamples
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string error)
    {
        lock (_counts)
        {
            if (_counts.TryGetValue(error, out var n))
            {
                _counts[error] = n + 1;
            }
            else if (_counts.Count < 5)
            {
                _counts[error] = 1;
            }
        }
    }

    public IReadOnlyList<string> ToList()
    {
        lock (_counts)
        {
            return _counts.Select(c => $"{c.Value}× {c.Key}").ToList();
        }
    }
}

/// <summary>One system's part of an alternating comparison: its operation, and what to wait for after each of its slices.</summary>
internal sealed record Contender(string System, Operation Operation, Func<Task>? AfterSlice = null);

internal static class ClosedLoop
{
    /// <summary>One closed-loop run of one system (see <see cref="AlternateAsync"/>, with one round).</summary>
    public static async Task<RunResult> RunAsync(string work, string system, int clients, TimeSpan warmup, TimeSpan duration, Operation operation)
        => (await AlternateAsync(work, clients, warmup, duration, 1, [new Contender(system, operation)]))[0].Result;

    /// <summary>
    /// Measures the contenders in turns: the measured time is cut into <paramref name="rounds"/> slices per contender,
    /// run alternately (A B, then B A, ...), each after its own warm-up, so a slow spell of a shared machine falls on
    /// both sides instead of on whichever ran then. Each contender's slices add up to one result (rate over its
    /// measured time, latencies of all its slices); the per-slice rates come along to show the spread.
    /// Every client loops until the warm-up and the measured window have passed. What counts is each request that
    /// completed inside the window: successes give the rate and the latencies, failures are counted apart.
    /// </summary>
    public static async Task<IReadOnlyList<(RunResult Result, IReadOnlyList<double> SliceRates)>> AlternateAsync(
        string work, int clients, TimeSpan warmup, TimeSpan duration, int rounds, IReadOnlyList<Contender> contenders)
    {
        var slice = duration / rounds;
        var tallies = contenders.Select(_ => new Tally()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < contenders.Count; turn++)
            {
                var index = round % 2 == 0 ? turn : contenders.Count - 1 - turn;
                var before = tallies[index].Latencies.Count;
                await SliceAsync(clients, warmup, slice, contenders[index].Operation, tallies[index]);
                tallies[index].SliceRates.Add((tallies[index].Latencies.Count - before) / slice.TotalSeconds);
                if (contenders[index].AfterSlice is { } after)
                {
                    await after();
                }
            }
        }

        return contenders.Select((contender, i) => (tallies[i].Result(work, contender.System, clients, duration), (IReadOnlyList<double>)tallies[i].SliceRates)).ToList();
    }

    private static async Task SliceAsync(int clients, TimeSpan warmup, TimeSpan duration, Operation operation, Tally tally)
    {
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            long failed = 0;
            while (Stopwatch.GetTimestamp() < windowEnd)
            {
                var sent = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    error = await operation(client);
                }
                catch (Exception ex)
                {
                    error = $"{ex.GetType().Name}: {ex.Message}";
                }

                var done = Stopwatch.GetTimestamp();
                if (error is not null)
                {
                    tally.Errors.Add(error);
                }

                if (done < windowStart || done > windowEnd)
                {
                    continue;
                }

                if (error is null)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds);
                }
                else
                {
                    failed++;
                }
            }

            return (latencies, failed);
        })));

        foreach (var (latencies, failed) in perClient)
        {
            tally.Latencies.AddRange(latencies);
            tally.Failed += failed;
        }
    }

    private sealed class Tally
    {
        public List<double> Latencies { get; } = new(1 << 16);

        public List<double> SliceRates { get; } = [];

        public ErrorSamples Errors { get; } = new();

        public long Failed { get; set; }

        public RunResult Result(string work, string system, int clients, TimeSpan duration) =>
            new(work, system, clients, duration.TotalSeconds, Latencies.Count, Failed, Latencies.Count / duration.TotalSeconds, LatencySummary.Of(Latencies), Errors.ToList());
    }
}
