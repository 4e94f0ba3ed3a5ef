using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CodeScan.Application.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using StackExchange.Redis;

namespace CodeScan.Benchmarks.Throughput.Year;

/// <summary>
/// <c>scripts/bench.sh year [--events N] [--queries N] [--output PATH]</c>: a year of history (at least
/// <c>--events</c>, default 1,000,000) seeded into the event log of a fresh database (<see cref="YearTemplate"/>,
/// <see cref="YearCopies"/>); then every read model rebuilt from it by the projector of a fresh API host (events/s),
/// and the 365-day reports asked of that host over HTTP, one after another (ms). A measurement, never a test.
/// </summary>
internal static class YearBench
{
    private const int Days = 365;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = (long)Option(args, "events", 1_000_000);
        var queries = (int)Option(args, "queries", 20);
        var output = args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault() ?? "bench-year.json";
        var options = BenchOptions.Parse([]);
        var runId = "year_" + Guid.NewGuid().ToString("N")[..12];
        Console.WriteLine($"CodeScan year-of-history benchmark  run {runId}  at least {events:N0} events over {Days} days");

        // The template's day is the first of the year: a year ago, by a clock moved back.
        var clock = new ShiftedClock(TimeSpan.FromDays(-(Days - 1)));
        var seeding = Stopwatch.StartNew();
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        string merchant;
        long setupEnd, dayEnd;
        await using (var template = await ApiUnderTest.StartAsync(options, runId, services: s => s.AddSingleton<TimeProvider>(clock)))
        {
            (merchant, setupEnd, dayEnd) = await YearTemplate.RecordAsync(template);
        }

        var templateSeconds = seeding.Elapsed.TotalSeconds;
        await using var connection = new MySqlConnection(options.MySql.TrimEnd(';') + $";Database={runId};AllowLoadLocalInfile=true;");
        await connection.OpenAsync();
        var copies = new YearCopies(await YearCopies.ReadAsync(connection, 0, setupEnd), await YearCopies.ReadAsync(connection, setupEnd, dayEnd));
        var perMerchant = copies.SetupEvents + (Days * (long)copies.DayEvents);
        var merchants = (int)Math.Max(1, (events + perMerchant - 1) / perMerchant);
        Console.WriteLine($"  template: {copies.SetupEvents} setup events, {copies.DayEvents} events a day ({YearTemplate.Customers} customers); {merchants} merchants");
        var last = await copies.WriteAsync(connection, merchants, Days, dayEnd, p => Progress("seeded", p, merchants * perMerchant, seeding.Elapsed));
        Console.Error.WriteLine();
        Console.WriteLine($"  seeded {last:N0} events in {seeding.Elapsed.TotalSeconds:F1} s (the template through the API, host start included: {templateSeconds:F1} s; " +
                          $"the copies: {(last - dayEnd) / (seeding.Elapsed.TotalSeconds - templateSeconds):N0} events/s)");

        // Every read model from zero: a fresh key prefix, so the projector starts at checkpoint 0.
        var rebuilding = Stopwatch.StartNew();
        await using var api = await ApiUnderTest.StartAsync(options, runId, keyPrefix: runId + "_q:");
        var started = rebuilding.Elapsed.TotalSeconds;
        var store = api.Services.GetRequiredService<IReadModelStore>();
        long checkpoint;
        while ((checkpoint = await store.GetCheckpointAsync(CancellationToken.None)) < last)
        {
            Progress("projected", checkpoint, last, rebuilding.Elapsed);
            await Task.Delay(250);
        }

        var rebuild = rebuilding.Elapsed.TotalSeconds;
        Console.Error.WriteLine();
        Console.WriteLine($"  rebuild: {last:N0} events in {rebuild:F1} s = {last / rebuild:N0} events/s (host start {started:F1} s included)");

        var reports = await YearReports.RunAsync(api, merchant, merchants, firstDay, queries, Days);
        foreach (var report in reports)
        {
            Console.WriteLine($"  {report.Name,-28} {report.Days} days: p50 {report.P50:F1} ms  p99 {report.P99:F1} ms  max {report.Max:F1} ms  ({queries} calls){(report.Check is null ? "" : "  !! " + report.Check)}");
        }

        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new
        {
            runId, events = last, merchants, days = Days, setupEvents = copies.SetupEvents, dayEvents = copies.DayEvents,
            seedSeconds = seeding.Elapsed.TotalSeconds, templateSeconds, rebuildSeconds = rebuild, rebuildEventsPerSecond = last / rebuild, hostStartSeconds = started, reports,
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"results: {Path.GetFullPath(output)}");
        await DropAsync(api, connection, runId);
        return reports.Any(r => r.Check is not null) ? 1 : 0;
    }

    private static void Progress(string what, long done, long total, TimeSpan elapsed)
    {
        var width = 40;
        var filled = (int)(width * Math.Min(1, done / (double)Math.Max(1, total)));
        Console.Error.Write($"\r  [{new string('#', filled)}{new string('.', width - filled)}] {what} {done:N0}/{total:N0}  {done / Math.Max(0.001, elapsed.TotalSeconds):N0}/s   ");
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task DropAsync(ApiUnderTest api, MySqlConnection connection, string runId)
    {
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();
        foreach (var server in redis.GetServers())
        {
            foreach (var pattern in new[] { runId + "*", "{" + runId + "*" })
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

        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{runId}`", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
