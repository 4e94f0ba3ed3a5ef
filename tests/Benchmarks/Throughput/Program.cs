// Throughput of redeem and wallet on MariaDB + Redis, side by side with the same work done without CodeScan
// (a raw-SQL payment transaction; a bare Kestrel endpoint with the same token check and Redis read), then
// commit→alert latency and projection lag under a fixed payment rate, then read-model rebuild speed.
//
//   dotnet run -c Release --project tests/Benchmarks/Throughput -- [--duration 10] [--clients 1,32] ...
//
// Reads CODESCAN_TEST_MYSQL and CODESCAN_TEST_REDIS; scripts/bench.sh starts throwaway servers and runs it.
// A measurement, never a test: it exits 0 whatever the figures (and with errors in runs, says so loudly);
// 1 only when the harness itself broke, 2 on a bad argument.
using CodeScan.Benchmarks.Throughput;
using MySqlConnector;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

if (args is ["year", ..])
{
    return await CodeScan.Benchmarks.Throughput.Year.YearBench.RunAsync(args[1..]);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    if (ex.Message != "help")
    {
        Console.Error.WriteLine("error: " + ex.Message);
    }

    Console.Error.WriteLine(BenchOptions.Usage);
    return ex.Message == "help" ? 0 : 2;
}

var startedAt = DateTimeOffset.UtcNow;
var (commit, dirty) = Report.GitState();
var machine = Report.Machine();
var runId = "bench_" + Guid.NewGuid().ToString("N")[..12];
var rebuildPrefix = runId + "_rebuild:";
var warnings = new List<string>();
var notes = new List<string>();
var comparisons = new List<Comparison>();
var rebuilds = new List<RebuildResult>();
var settles = new List<SettleResult>();
UnderLoadResult? underLoad = null;
UnderLoadResult? underLoadTwoNodes = null;

Console.WriteLine($"CodeScan throughput benchmark  commit {commit}{(dirty == true ? " (+ uncommitted changes)" : "")}  nproc {machine["nproc"]}  run {runId}");
Console.WriteLine($"  {options.DurationSeconds} s measured after {options.WarmupSeconds} s warm-up per run (each work first run until the JIT is quiet, at most {options.SettleSeconds} s); clients {string.Join(",", options.Clients)}; " +
                  $"{(options.Nodes == 2 ? "1 node, then 2 nodes" : "1 node")}; {options.Customers} customers at {options.Merchants} merchant(s); {options.Accounts} raw-SQL accounts; under load {options.Rate}/s for {options.LoadSeconds} s");

ApiUnderTest? api = null;
TwoNodes? twoNodes = null;
RawSqlBaseline? raw = null;
BareEndpoint? bare = null;
var exitCode = 0;

// Each phase stands alone: one that breaks is reported loudly and the others still run.
async Task<bool> Phase(string name, Func<Task> body)
{
    try
    {
        await body();
        return true;
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"benchmark harness failed in {name}: {ex}");
        warnings.Add($"HARNESS FAILED in {name}: {ex.GetType().Name}: {ex.Message}");
        exitCode = 1;
        return false;
    }
}

var ready = await Phase("setup", async () =>
{
    api = await ApiUnderTest.StartAsync(options, runId);
    await api.PrepareAsync(options.Customers, options.Merchants);
    if (options.Nodes == 2)
    {
        twoNodes = new TwoNodes(api, await api.StartAnotherNodeAsync(options));
    }

    raw = await RawSqlBaseline.CreateAsync(options.MySql, runId + "_raw", options.Accounts);
    await raw.OpenClientsAsync(options.Clients.Max());
    bare = await BareEndpoint.StartAsync(api);
    foreach (var (key, value) in await raw.ServerSettingsAsync())
    {
        machine["mariadb." + key] = value;
    }

    machine["redis.version"] = api.Services.GetRequiredService<IConnectionMultiplexer>().GetServers().FirstOrDefault()?.Version.ToString() ?? "unknown";
    Console.WriteLine($"  MariaDB {machine["mariadb.version"]} (innodb_flush_log_at_trx_commit={machine["mariadb.innodb_flush_log_at_trx_commit"]}, " +
                      $"flush_method={machine["mariadb.innodb_flush_method"]}, log_bin={machine["mariadb.log_bin"]}, thread_handling={machine["mariadb.thread_handling"]}), Redis {machine["redis.version"]}");
    Console.WriteLine();
});

if (ready && api is not null && raw is not null && bare is not null)
{
    // Brings a work to its steady state before its first measured run (see Settle).
    async Task SettleAsync(string work, string system, Operation operation)
    {
        if (options.SettleSeconds > 0)
        {
            var settled = await Settle.RunAsync(work, options.Clients.Max(), TimeSpan.FromSeconds(options.SettleSeconds), operation);
            settles.Add(settled with { Work = $"{work} / {system}" });
            Console.WriteLine(Report.SettleLine(settles[^1]));
            if (!settled.Settled)
            {
                warnings.Add($"{work} / {system}: the JIT was still compiling {settled.LastSecondCompiled} methods a second when measuring began");
            }
        }
    }

    // The second node shares the first one's JIT, not its caches: warm those before its first measured run.
    async Task WarmSecondNodeAsync(string work)
    {
        if (twoNodes is not null)
        {
            var failed = await twoNodes.WarmSecondAsync(work);
            Console.WriteLine($"  warm    {work} / second node: once per customer ({api.Customers.Count}), {failed} failed");
            if (failed > 0)
            {
                warnings.Add($"{work}: {failed} of {api.Customers.Count} warm-up calls on the second node failed");
            }
        }
    }

    // CodeScan and its baseline in turns (options.Rounds slices each); the ratio of each pair of slices goes to the notes.
    async Task<(RunResult CodeScan, RunResult Baseline)> SideBySideAsync(string work, int clients, Contender codeScan, Contender baseline)
    {
        var results = await ClosedLoop.AlternateAsync(work, clients, options.Warmup, options.Duration, options.Rounds, [codeScan, baseline]);
        Console.WriteLine(Report.Progress(results[0].Result));
        Console.WriteLine(Report.Progress(results[1].Result));
        if (options.Rounds > 1)
        {
            var ratios = results[0].SliceRates.Zip(results[1].SliceRates, (ours, theirs) => Report.F(ours / theirs, 3) + "×");
            notes.Add($"{work} at {clients} clients, {options.Rounds} slices each, in turns: CodeScan ÷ {baseline.System} per slice {string.Join(", ", ratios)}");
            Console.WriteLine($"          per slice: {string.Join(", ", ratios)}");
        }

        return (results[0].Result, results[1].Result);
    }

    await Phase("redeem runs", async () =>
    {
        if (options.Works.Contains("redeem"))
        {
            await SettleAsync("redeem", "CodeScan", _ => api.RedeemAsync());
            await SettleAsync("redeem", "raw SQL txn", raw.PayAsync);
            await WarmSecondNodeAsync("redeem");
        }

        foreach (var clients in options.Works.Contains("redeem") ? options.Clients : [])
        {
            var catchUps = new List<double>();
            var (codeScan, baseline) = await SideBySideAsync("redeem", clients,
                new Contender("CodeScan", _ => api.RedeemAsync(), async () =>
                {
                    // The projector catches up before the other side runs, so its backlog does not slow the baseline.
                    var catchUp = System.Diagnostics.Stopwatch.StartNew();
                    await api.WaitForProjectorAsync(TimeSpan.FromMinutes(5));
                    catchUps.Add(catchUp.Elapsed.TotalSeconds);
                }),
                new Contender("raw SQL txn", raw.PayAsync));
            notes.Add($"redeem at {clients} clients: the projector caught up at most {Report.F(catchUps.Max(), 2)} s after each CodeScan slice");
            RunResult? onTwo = null;
            if (twoNodes is not null)
            {
                onTwo = await ClosedLoop.RunAsync("redeem", "2 nodes", clients, options.Warmup, options.Duration, _ => twoNodes.RedeemAsync());
                Console.WriteLine(Report.Progress(onTwo));
                var catchUp = System.Diagnostics.Stopwatch.StartNew();
                await api.WaitForProjectorAsync(TimeSpan.FromMinutes(5));
                notes.Add($"redeem on 2 nodes at {clients} clients: the projector caught up {Report.F(catchUp.Elapsed.TotalSeconds, 2)} s after the run");
            }

            comparisons.Add(new Comparison("redeem", clients, codeScan, baseline, onTwo));
        }
    });

    await Phase("wallet runs", async () =>
    {
        await api.WaitForProjectorAsync(TimeSpan.FromMinutes(5));
        if (options.Works.Contains("wallet"))
        {
            await SettleAsync("wallet", "CodeScan", _ => api.WalletAsync());
            await SettleAsync("wallet", "bare Kestrel", _ => bare.WalletAsync());
            await WarmSecondNodeAsync("wallet");
        }

        foreach (var clients in options.Works.Contains("wallet") ? options.Clients : [])
        {
            var (codeScan, baseline) = await SideBySideAsync("wallet", clients,
                new Contender("CodeScan", _ => api.WalletAsync()), new Contender("bare Kestrel", _ => bare.WalletAsync()));
            var onTwo = twoNodes is null ? null
                : await ClosedLoop.RunAsync("wallet", "2 nodes", clients, options.Warmup, options.Duration, _ => twoNodes.WalletAsync());
            if (onTwo is not null)
            {
                Console.WriteLine(Report.Progress(onTwo));
            }

            comparisons.Add(new Comparison("wallet", clients, codeScan, baseline, onTwo));
        }
    });

    if (options.LoadSeconds > 0)
    {
        await Phase("under load", async () => underLoad = await UnderLoad.RunAsync(api, options.Rate, TimeSpan.FromSeconds(options.LoadSeconds)));
        if (twoNodes is not null)
        {
            await Phase("under load, 2 nodes", async () =>
                underLoadTwoNodes = await UnderLoad.RunAsync(api, options.Rate, TimeSpan.FromSeconds(options.LoadSeconds), twoNodes.Second));
        }
    }

    if (options.Rebuild)
    {
        await Phase("rebuild into Redis", async () =>
        {
            await api.WaitForProjectorAsync(TimeSpan.FromMinutes(5));
            rebuilds.Add(await Rebuild.IntoRedisAsync(options, api, rebuildPrefix));
        });
        await Phase("rebuild into memory", async () => rebuilds.Add(await Rebuild.IntoMemoryAsync(options, api)));
    }
}

foreach (var run in comparisons.SelectMany(c => new[] { c.CodeScan, c.Baseline, c.TwoNodes }).OfType<RunResult>().Where(r => r.Failed > 0 || r.Succeeded == 0))
{
    warnings.Add($"{run.Work} / {run.System} at {run.Clients} clients: {run.Failed} errors, {run.Succeeded} ok: {string.Join(" | ", run.ErrorSamples)}");
}

foreach (var load in new[] { underLoad, underLoadTwoNodes }.OfType<UnderLoadResult>())
{
    if (load.Failed > 0)
    {
        warnings.Add($"under load ({load.Setup}): {load.Failed} payments failed: {string.Join(" | ", load.ErrorSamples)}");
    }

    if (load.AlertsReceived < load.AlertsExpected)
    {
        warnings.Add($"under load ({load.Setup}): only {load.AlertsReceived} of {load.AlertsExpected} alerts arrived");
    }

    if (load.EventsSeenProjected < load.EventsCommitted)
    {
        warnings.Add($"under load ({load.Setup}): the checkpoint reached only {load.EventsSeenProjected} of {load.EventsCommitted} events");
    }

    if (load.AchievedRate < load.TargetRate * 0.95)
    {
        warnings.Add($"under load ({load.Setup}): payments were sent at {Report.F(load.AchievedRate)}/s, below the target {Report.F(load.TargetRate)}/s (the driver fell behind)");
    }
}

Console.WriteLine();
Console.WriteLine($"MariaDB + Redis, {machine["nproc"]} CPUs, commit {commit}{(dirty == true ? "+dirty" : "")}; throughput = successful ops/s in {options.DurationSeconds} s after {options.WarmupSeconds} s warm-up; latency in ms");
Console.Write(Report.Table(comparisons));
Console.WriteLine("ratio = CodeScan ops/s ÷ baseline ops/s (redeem ÷ raw-SQL payment transaction, wallet ÷ bare endpoint)");
if (twoNodes is not null)
{
    Console.WriteLine("2n/1n = CodeScan ops/s on two nodes (requests alternating between them) ÷ on one node; both nodes are hosts in this process, on the same machine as the servers");
}

Console.WriteLine();
foreach (var load in new[] { underLoad, underLoadTwoNodes }.OfType<UnderLoadResult>())
{
    Console.Write(Report.UnderLoadLines(load));
}

foreach (var rebuild in rebuilds)
{
    Console.WriteLine(Report.RebuildLine(rebuild));
}

foreach (var note in notes)
{
    Console.WriteLine("note: " + note);
}

if (warnings.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("!!!!!!!! THIS RUN HAD ERRORS: its figures do not describe a clean run !!!!!!!!");
    foreach (var warning in warnings)
    {
        Console.WriteLine("!! " + warning);
        Console.Error.WriteLine("bench: " + warning);
    }
}

try
{
    await Report.WriteJsonAsync(options.Output, new Results(
        startedAt,
        commit,
        dirty,
        machine,
        new BenchOptionsSummary(options.DurationSeconds, options.WarmupSeconds, options.Rounds, options.SettleSeconds, options.Works, options.Clients, options.Nodes, options.Customers, options.Merchants, options.Accounts, options.Rate, options.LoadSeconds),
        settles,
        comparisons,
        notes,
        underLoad,
        underLoadTwoNodes,
        rebuilds,
        warnings));
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"could not write {options.Output}: {ex.Message}");
    exitCode = 1;
}

// Leave the shared servers as they were: drop both databases and every key this run wrote.
try
{
    if (twoNodes is not null)
    {
        await twoNodes.DisposeAsync();
    }

    if (bare is not null)
    {
        await bare.DisposeAsync();
    }

    if (raw is not null)
    {
        await raw.DisposeAsync();
        if (!options.Keep)
        {
            await raw.DropAsync();
        }
    }

    if (api is not null)
    {
        if (!options.Keep)
        {
            var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();
            foreach (var server in redis.GetServers())
            {
                // Keys start with the prefix, or hold it in a hash tag: "{prefix...}".
                foreach (var pattern in new[] { api.KeyPrefix + "*", "{" + api.KeyPrefix + "*", rebuildPrefix + "*", "{" + rebuildPrefix + "*" })
                {
                    var keys = new List<RedisKey>();
                    await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000))
                    {
                        keys.Add(key);
                    }

                    foreach (var chunk in keys.Chunk(1000))
                    {
                        await redis.GetDatabase().KeyDeleteAsync(chunk);
                    }
                }
            }
        }

        await api.DisposeAsync();
        if (!options.Keep)
        {
            await using var connection = new MySqlConnection(options.MySql);
            await connection.OpenAsync();
            await RawSqlBaseline.ExecuteAsync(connection, $"DROP DATABASE IF EXISTS `{runId}`");
        }
    }
}
catch (Exception ex)
{
    Console.Error.WriteLine("cleanup failed (the figures above stand): " + ex.Message);
}

return exitCode;
