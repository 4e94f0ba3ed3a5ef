using System.Globalization;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>
/// What to run and for how long. Every setting comes from an environment variable and can be overridden by
/// a command-line argument of the same name (<c>--duration 3</c> or <c>--duration=3</c>).
/// </summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: CodeScan.Benchmarks.Throughput [--option value]...   (or the environment variables)
          --duration S      BENCH_DURATION      seconds measured per run (default 10)
          --warmup S        BENCH_WARMUP        seconds of warm-up before each run, and before each slice of one (default 2)
          --rounds N        BENCH_ROUNDS        a comparison's measured time is cut into N slices per side, run in turns (default 3)
          --settle S        BENCH_SETTLE        at most this long, run each work until the JIT is quiet before its first run (default 90; 0 skips)
          --clients LIST    BENCH_CLIENTS       client counts, comma-separated (default 1,32)
          --works LIST      BENCH_WORKS         closed-loop works to run, comma-separated (default redeem,wallet)
          --nodes 1|2       BENCH_NODES         2 also runs each CodeScan work on two API nodes, beside one (default 1)
          --customers N     BENCH_CUSTOMERS     funded customers paying round-robin (default 64)
          --merchants N     BENCH_MERCHANTS     merchants the customers are spread over, customer i at merchant i mod N (default 1)
          --accounts N      BENCH_ACCOUNTS      accounts in the raw-SQL baseline (default 1000)
          --rate R          BENCH_RATE          payments per second in the under-load run (default 300)
          --load-seconds S  BENCH_LOAD_SECONDS  length of the under-load run (default 10; 0 skips it)
          --rebuild yes|no  BENCH_REBUILD       time a rebuild of the read models (default yes)
          --output PATH     BENCH_OUTPUT        JSON results (default bench-results.json in the current directory)
          --keep yes|no     BENCH_KEEP          keep the databases and Redis keys afterwards (default no)
        Servers: CODESCAN_TEST_MYSQL (no database name) and CODESCAN_TEST_REDIS, as for the tests.
        """;

    public double DurationSeconds { get; init; } = 10;

    public double WarmupSeconds { get; init; } = 2;

    public int Rounds { get; init; } = 3;

    public double SettleSeconds { get; init; } = 90;

    public IReadOnlyList<int> Clients { get; init; } = [1, 32];

    public IReadOnlyList<string> Works { get; init; } = ["redeem", "wallet"];

    public int Nodes { get; init; } = 1;

    public int Customers { get; init; } = 64;

    public int Merchants { get; init; } = 1;

    public int Accounts { get; init; } = 1000;

    public double Rate { get; init; } = 300;

    public double LoadSeconds { get; init; } = 10;

    public bool Rebuild { get; init; } = true;

    public string Output { get; init; } = "bench-results.json";

    public bool Keep { get; init; }

    public string MySql { get; init; } = "";

    public string Redis { get; init; } = "";

    public TimeSpan Duration => TimeSpan.FromSeconds(DurationSeconds);

    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    /// <summary>Reads the environment, then the arguments; throws <see cref="ArgumentException"/> with a reason when something is off.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Names)
        {
            if (Environment.GetEnvironmentVariable("BENCH_" + name.Replace('-', '_').ToUpperInvariant()) is { Length: > 0 } value)
            {
                values[name] = value;
            }
        }

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                throw new ArgumentException("help");
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            if (!Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"unknown option '--{name}'");
            }

            if (equals > 0)
            {
                values[name] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"--{name} needs a value");
            }
        }

        var defaults = new BenchOptions();
        var options = new BenchOptions
        {
            DurationSeconds = Number(values, "duration", defaults.DurationSeconds, min: 0.1),
            WarmupSeconds = Number(values, "warmup", defaults.WarmupSeconds, min: 0),
            SettleSeconds = Number(values, "settle", defaults.SettleSeconds, min: 0),
            Rounds = (int)Number(values, "rounds", defaults.Rounds, min: 1),
            Clients = values.TryGetValue("clients", out var clients) ? ClientCounts(clients) : defaults.Clients,
            Works = values.TryGetValue("works", out var works) ? WorkNames(works) : defaults.Works,
            Nodes = NodeCount(values, defaults.Nodes),
            Customers = (int)Number(values, "customers", defaults.Customers, min: 1),
            Merchants = (int)Number(values, "merchants", defaults.Merchants, min: 1),
            Accounts = (int)Number(values, "accounts", defaults.Accounts, min: 1),
            Rate = Number(values, "rate", defaults.Rate, min: 0.1),
            LoadSeconds = Number(values, "load-seconds", defaults.LoadSeconds, min: 0),
            Rebuild = Flag(values, "rebuild", defaults.Rebuild),
            Output = values.TryGetValue("output", out var output) ? output : defaults.Output,
            Keep = Flag(values, "keep", defaults.Keep),
            MySql = Environment.GetEnvironmentVariable("CODESCAN_TEST_MYSQL") ?? "",
            Redis = Environment.GetEnvironmentVariable("CODESCAN_TEST_REDIS") ?? "",
        };
        if (string.IsNullOrWhiteSpace(options.MySql) || string.IsNullOrWhiteSpace(options.Redis))
        {
            throw new ArgumentException("CODESCAN_TEST_MYSQL and CODESCAN_TEST_REDIS must name a MariaDB and a Redis (scripts/bench.sh starts both)");
        }

        return options;
    }

    private static readonly string[] Names =
        ["duration", "warmup", "rounds", "settle", "clients", "works", "nodes", "customers", "merchants", "accounts", "rate", "load-seconds", "rebuild", "output", "keep"];

    private static string[] WorkNames(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.All(n => n is "redeem" or "wallet")
            ? names
            : throw new ArgumentException($"works: '{text}' is not a comma-separated list of redeem and wallet");
    }

    private static double Number(Dictionary<string, string> values, string name, double fallback, double min)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a number ≥ {min.ToString(CultureInfo.InvariantCulture)}");
    }

    private static int NodeCount(Dictionary<string, string> values, int fallback) =>
        !values.TryGetValue("nodes", out var text) ? fallback : text switch
        {
            "1" => 1,
            "2" => 2,
            _ => throw new ArgumentException($"nodes: '{text}' is not 1 or 2"),
        };

    private static bool Flag(Dictionary<string, string> values, string name, bool fallback) =>
        !values.TryGetValue(name, out var text) ? fallback : text.ToUpperInvariant() switch
        {
            "1" or "YES" or "TRUE" or "ON" => true,
            "0" or "NO" or "FALSE" or "OFF" => false,
            _ => throw new ArgumentException($"{name}: '{text}' is not yes or no"),
        };

    private static List<int> ClientCounts(string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            counts.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1024
                ? n
                : throw new ArgumentException($"clients: '{part}' is not a count from 1 to 1024"));
        }

        return counts.Count > 0 ? counts : throw new ArgumentException("clients: no count given");
    }
}
