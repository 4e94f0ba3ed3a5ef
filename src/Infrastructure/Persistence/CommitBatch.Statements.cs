using System.Globalization;
using System.Text;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Persistence.EventLog;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>The batch's statements, in the lock order the class documents.</summary>
internal sealed partial class CommitBatch
{
    /// <summary>
    /// The batch's text, as one statement where the server can (<see cref="SqlDialect.Compound"/>) and ending with
    /// COMMIT when asked to; null when there is nothing to write.
    /// </summary>
    private string? Statements(BatchParameters parameters, IReadOnlyList<IDomainEvent> events, DateTimeOffset now, SqlDialect dialect, bool commit)
    {
        var sql = new StringBuilder(4096).Append(dialect.Compound?.Begin);
        var start = sql.Length;
        AppendIdempotencyClaim(sql, parameters);
        Inserts.AppendTo(sql, parameters);
        AppendTotals(sql, parameters);
        AppendTransfers(sql, parameters);
        AppendEvents(sql, parameters, events, now, dialect);
        if (sql.Length == start)
        {
            return null;
        }

        return sql.Append(commit ? "COMMIT;\n" : null).Append(dialect.Compound?.End).ToString();
    }

    /// <summary>The key first: a concurrent duplicate stops here, before it has locked anything else.</summary>
    private void AppendIdempotencyClaim(StringBuilder sql, BatchParameters parameters)
    {
        if (_idempotency is { } claim)
        {
            sql.Append("INSERT INTO idempotency_keys (actor, idempotency_key, request_hash, response_json, created_at) VALUES (")
               .Append(parameters.Add(claim.Actor)).Append(", ").Append(parameters.Add(claim.Key)).Append(", ")
               .Append(parameters.Add(claim.RequestHash)).Append(", ").Append(parameters.Add(claim.ResponseJson)).Append(", ")
               .Append(BatchParameters.Literal(claim.CreatedAt)).Append(");\n");
        }
    }

    /// <summary>
    /// The account totals in one UPDATE: the customer's locked accounts and the merchant side. InnoDB locks the rows
    /// as it walks the IN list in key order, so the merchant-side rows are still locked in id order (the customer's
    /// are this transaction's already), and a statement fewer reaches the server per payment.
    /// </summary>
    private void AppendTotals(StringBuilder sql, BatchParameters parameters)
    {
        var accounts = _lockedCustomerTotals.Concat(_merchantTotals).ToList();
        if (accounts.Count == 0)
        {
            return;
        }

        var ids = accounts.Select(a => BatchParameters.Literal(a.Key)).ToList();
        sql.Append("UPDATE ledger_accounts SET debits_posted = debits_posted + CASE id");
        for (var i = 0; i < accounts.Count; i++)
        {
            sql.Append(" WHEN ").Append(ids[i]).Append(" THEN ").Append(BatchParameters.Literal(accounts[i].Value.Debits));
        }

        sql.Append(" END, credits_posted = credits_posted + CASE id");
        for (var i = 0; i < accounts.Count; i++)
        {
            sql.Append(" WHEN ").Append(ids[i]).Append(" THEN ").Append(BatchParameters.Literal(accounts[i].Value.Credits));
        }

        sql.Append(" END WHERE id IN (").AppendJoin(", ", ids).Append(");\n");
    }

    private void AppendTransfers(StringBuilder sql, BatchParameters parameters)
    {
        if (_transfers.Count > 0)
        {
            sql.Append("INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, currency, kind, reference_id, created_at) VALUES ");
            sql.AppendJoin(", ", _transfers.Select(t =>
                $"({BatchParameters.Literal(t.Id)}, {BatchParameters.Literal(t.DebitAccountId)}, {BatchParameters.Literal(t.CreditAccountId)}, " +
                $"{BatchParameters.Literal(t.Amount)}, {parameters.Add(t.Currency)}, {parameters.Add(t.Kind.ToString())}, " +
                $"{BatchParameters.Literal(t.ReferenceId)}, {BatchParameters.Literal(t.CreatedAt.UtcTicks)})"));
            sql.Append(";\n");
        }
    }

    private static void AppendEvents(StringBuilder sql, BatchParameters parameters, IReadOnlyList<IDomainEvent> events, DateTimeOffset now, SqlDialect dialect)
    {
        if (events.Count > 0)
        {
            // Positions are taken here, with the sequence row locked from this UPDATE to the COMMIT that ends the
            // batch: a transaction that got position n has committed (or rolled back) before any other can take n + 1.
            var count = BatchParameters.Literal(events.Count);
            sql.Append("UPDATE event_sequence SET last_position = ").AppendFormat(CultureInfo.InvariantCulture, dialect.TakePositions, count).Append(" WHERE id = 1;\n");
            sql.Append("INSERT INTO event_log (position, event_id, stream_id, event_type, payload, occurred_at, recorded_at) VALUES ");
            sql.AppendJoin(", ", events.Select((e, i) =>
                $"({dialect.LastPositionTaken} - {count} + {i + 1}, {BatchParameters.Literal(NewId.Next())}, " +
                $"{parameters.Add(e.StreamId)}, {parameters.Add(EventSerializer.TypeName(e))}, {parameters.Add(EventSerializer.Serialize(e))}, " +
                $"{BatchParameters.Literal(e.OccurredAt.UtcTicks)}, {BatchParameters.Literal(now.UtcTicks)})"));
            sql.Append(";\n");
        }
    }
}
