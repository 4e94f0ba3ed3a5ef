using System.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using MySqlConnector;

namespace CodeScan.Benchmarks.Throughput.Year;

/// <summary>An event-log row as the template recorded it.</summary>
internal sealed record LoggedEvent(string StreamId, string EventType, string Payload, long OccurredTicks, long RecordedTicks);

/// <summary>
/// Writes a year of history straight into the event log from <see cref="YearTemplate"/>'s rows: more merchants, each
/// a copy of the template's setup with ids of its own, and for every merchant a copy of the day of trade on each day
/// of the year. In a copy every id the setup made belongs to the copy's merchant (the first merchant keeps the
/// template's own, so it is real in the write model and can be asked for its reports), every id the day made is
/// new, and every instant (and date) moves by the copy's day. Rows go in position order, day after day, so the log
/// stays in time order as a real one is.
/// </summary>
internal sealed partial class YearCopies(IReadOnlyList<LoggedEvent> setup, IReadOnlyList<LoggedEvent> day)
{
    private const int RowsPerInsert = 20_000;

    private readonly HashSet<string> _setupIds = setup.SelectMany(e => Ids().Matches(e.StreamId + " " + e.Payload).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

    public int SetupEvents => setup.Count;

    public int DayEvents => day.Count;

    public static async Task<List<LoggedEvent>> ReadAsync(MySqlConnection connection, long after, long upTo)
    {
        await using var command = new MySqlCommand(
            "SELECT stream_id, event_type, payload, occurred_at, recorded_at FROM event_log WHERE position > @after AND position <= @upTo ORDER BY position", connection);
        command.Parameters.AddWithValue("@after", after);
        command.Parameters.AddWithValue("@upTo", upTo);
        var rows = new List<LoggedEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new LoggedEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return rows;
    }

    /// <summary>Appends after <paramref name="lastPosition"/>; returns the new last position.</summary>
    public async Task<long> WriteAsync(MySqlConnection connection, int merchants, int days, long lastPosition, Action<long> progress)
    {
        var batch = new List<LoggedEvent>(RowsPerInsert);
        var merchantIds = Enumerable.Range(0, merchants).Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToList();
        foreach (var id in _setupIds)
        {
            merchantIds[0][id] = id;
        }

        async Task Add(IEnumerable<LoggedEvent> rows)
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == RowsPerInsert)
                {
                    lastPosition = await InsertAsync(connection, batch, lastPosition);
                    progress(lastPosition);
                }
            }
        }

        for (var m = 1; m < merchants; m++)
        {
            await Add(Copy(setup, merchantIds[m], new(StringComparer.Ordinal), 0));
            await Add(Copy(day, merchantIds[m], new(StringComparer.Ordinal), 0));
        }

        for (var d = 1; d < days; d++)
        {
            for (var m = 0; m < merchants; m++)
            {
                await Add(Copy(day, merchantIds[m], new(StringComparer.Ordinal), d));
            }
        }

        lastPosition = await InsertAsync(connection, batch, lastPosition);
        await using var sequence = new MySqlCommand("UPDATE event_sequence SET last_position = @p WHERE id = 1", connection);
        sequence.Parameters.AddWithValue("@p", lastPosition);
        await sequence.ExecuteNonQueryAsync();
        return lastPosition;
    }

    /// <summary>The rows with their ids mapped (setup ids through <paramref name="merchant"/>, the others through <paramref name="fresh"/>) and moved by <paramref name="days"/>.</summary>
    private IEnumerable<LoggedEvent> Copy(IReadOnlyList<LoggedEvent> rows, Dictionary<string, string> merchant, Dictionary<string, string> fresh, int days)
    {
        string Id(Match m)
        {
            var map = _setupIds.Contains(m.Value) ? merchant : fresh;
            if (!map.TryGetValue(m.Value, out var mapped))
            {
                mapped = map[m.Value] = Guid.NewGuid().ToString();
            }

            return mapped;
        }

        var shift = TimeSpan.FromDays(days);
        string Instant(Match m) => DateTimeOffset.Parse(m.Value, CultureInfo.InvariantCulture).Add(shift).ToString("O", CultureInfo.InvariantCulture);
        string Date(Match m) => DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        foreach (var row in rows)
        {
            var payload = Ids().Replace(row.Payload, Id);
            payload = days == 0 ? payload : Dates().Replace(Instants().Replace(payload, Instant), m => "\"" + Date(m) + "\"");
            yield return new LoggedEvent(Ids().Replace(row.StreamId, Id), row.EventType, payload, row.OccurredTicks + shift.Ticks, row.RecordedTicks + shift.Ticks);
        }
    }

    /// <summary>One <c>LOAD DATA LOCAL INFILE</c> stream (MySqlBulkCopy) per batch: far fewer bytes and round trips than INSERTs.</summary>
    private static async Task<long> InsertAsync(MySqlConnection connection, List<LoggedEvent> rows, long lastPosition)
    {
        if (rows.Count == 0)
        {
            return lastPosition;
        }

        var table = new DataTable();
        table.Columns.Add("position", typeof(long));
        table.Columns.Add("event_id", typeof(string));
        table.Columns.Add("stream_id", typeof(string));
        table.Columns.Add("event_type", typeof(string));
        table.Columns.Add("payload", typeof(string));
        table.Columns.Add("occurred_at", typeof(long));
        table.Columns.Add("recorded_at", typeof(long));
        foreach (var row in rows)
        {
            table.Rows.Add(++lastPosition, Guid.CreateVersion7().ToString(), row.StreamId, row.EventType, row.Payload, row.OccurredTicks, row.RecordedTicks);
        }

        var copy = new MySqlBulkCopy(connection) { DestinationTableName = "event_log", BulkCopyTimeout = 600 };
        var result = await copy.WriteToServerAsync(table);
        if (result.RowsInserted != rows.Count)
        {
            throw new InvalidOperationException($"bulk copy inserted {result.RowsInserted} of {rows.Count} rows: {string.Join("; ", result.Warnings.Select(w => w.Message))}");
        }

        rows.Clear();
        return lastPosition;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex(@"(?<=\"")\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})(?=\"")")]
    private static partial Regex Instants();

    [GeneratedRegex(@"""(\d{4}-\d{2}-\d{2})""")]
    private static partial Regex Dates();
}
