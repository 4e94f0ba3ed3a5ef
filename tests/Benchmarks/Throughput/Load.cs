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

internal static class ClosedLoop
{
    /// <summary>
    /// Every client loops until the warm-up and the measured window have passed. What counts is each request
    /// that completed inside the window: successes give the rate and the latencies, failures are counted apart.
    /// </summary>
    public static async Task<RunResult> RunAsync(string work, string system, int clients, TimeSpan warmup, TimeSpan duration, Operation operation)
    {
        var errors = new ErrorSamples();
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var tallies = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
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
                    errors.Add(error);
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

        var all = tallies.SelectMany(t => t.latencies).ToList();
        var failures = tallies.Sum(t => t.failed);
        return new RunResult(work, system, clients, duration.TotalSeconds, all.Count, failures, all.Count / duration.TotalSeconds, LatencySummary.Of(all), errors.ToList());
    }
}
