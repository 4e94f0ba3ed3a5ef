using System.Net;
using CodeScan.Api.Tests.Identity;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Redemptions;

/// <summary>
/// What one payment costs the database (docs/decisions/0009): a handful of commands, no savepoints, one
/// idempotency write, and the shared rows (merchant totals, event positions) only in the last one.
/// </summary>
/// <param name="compoundStatements">Whether MariaDB's compound statements are used (the default).</param>
public abstract class RedeemRoundTripTests(StoreMode mode, bool compoundStatements = true)
{
    [Fact]
    public async Task Redeem_StoredValue_TakesFewCommandsAndTouchesSharedRowsOnlyInTheLast()
    {
        await using var host = await CodeScanHost.StartAsync(
            HostStores.Create(mode), settings => settings["MySql:CompoundStatements"] = compoundStatements.ToString(), services: DatabaseCommandProbe.Install(mode));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);

        // The merchant's first sale opens its sales account; this node then knows the accounts exist.
        Assert.Empty((await merchant.RedeemStoredValueAsync(customer, 100)).ErrorCodes());
        var probe = host.Services.GetRequiredService<DatabaseCommandProbe>();

        var paid = await SessionRevocationCalls.ProbedPostAsync(host, customer, Gql.Redeem, new
        {
            input = new { merchantId = merchant.MerchantId, amount = 250, idempotencyKey = Guid.NewGuid().ToString("N") },
        });

        Assert.Equal(HttpStatusCode.OK, paid.Response.Status);
        Assert.Empty(paid.Response.Json.Data("redeem").ErrorCodes());
        var commands = probe.CommandsOf(paid.Probe);

        // The merchant's trading terms, the customer's membership cards there and the customer's stored value in one
        // query (on MySQL with the transaction's start and the stored value's lock in front), the redemption saved (on
        // MySQL inside the batch), the commit batch (with the debit the lock decided, and on MySQL the COMMIT).
        Assert.True(commands.Count <= 3, $"{commands.Count} commands:\n{string.Join("\n---\n", commands)}");
        Assert.DoesNotContain(commands, c => c.Contains("SAVEPOINT", StringComparison.OrdinalIgnoreCase));
        Assert.Single(commands, c => c.Contains("idempotency_keys", StringComparison.Ordinal));

        var batch = commands[^1];
        Assert.Contains("INSERT INTO idempotency_keys", batch, StringComparison.Ordinal);
        Assert.Contains("UPDATE event_sequence", batch, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO ledger_transfers", batch, StringComparison.Ordinal);
        Assert.All(commands.SkipLast(1), c => Assert.DoesNotContain("event_sequence", c, StringComparison.Ordinal));

        // The customer's debit and the merchant's credit in one statement.
        Assert.Single(batch.Split("UPDATE ledger_accounts", StringSplitOptions.None).Skip(1));

        // Ids and amounts this code formats are literals in the batch; text (keys, JSON, names) goes as parameters.
        var lines = batch.Split('\n');
        Assert.DoesNotContain("@", lines.Single(l => l.StartsWith("UPDATE ledger_accounts", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Matches(@"^INSERT INTO ledger_transfers .* VALUES \('[0-9a-f-]{36}', '[0-9a-f-]{36}', '[0-9a-f-]{36}', 250, @b\d+, @b\d+, '[0-9a-f-]{36}', \d+\);$",
            lines.Single(l => l.StartsWith("INSERT INTO ledger_transfers", StringComparison.Ordinal)));
        Assert.Matches(@"^INSERT INTO idempotency_keys .* VALUES \(@b\d+, @b\d+, @b\d+, @b\d+, \d+\);$", lines.Single(l => l.StartsWith("INSERT INTO idempotency_keys", StringComparison.Ordinal)));
        if (mode == StoreMode.MariaDbRedis)
        {
            // On MariaDB each command's statements before the query run as one compound statement, answered once.
            var begin = compoundStatements ? "BEGIN NOT ATOMIC\n" : string.Empty;
            Assert.StartsWith(begin + "SET TRANSACTION ISOLATION LEVEL READ COMMITTED;\nSTART TRANSACTION;", commands[0], StringComparison.Ordinal);
            Assert.Single(commands, c => c.Contains("START TRANSACTION", StringComparison.Ordinal));
            Assert.StartsWith(begin + "INSERT INTO idempotency_keys", batch, StringComparison.Ordinal);
            Assert.EndsWith(compoundStatements ? "COMMIT;\nEND;" : "COMMIT;", batch.TrimEnd(), StringComparison.Ordinal);
            Assert.Equal(compoundStatements ? 2 : 0, commands.Sum(c => c.Split("NOT ATOMIC", StringSplitOptions.None).Length - 1));

            // The stored value is locked in the first round trip, ahead of the read that prices the payment: the UPDATE
            // that changes nothing takes both rows' locks, and the query after it reads them as locked.
            Assert.Contains("START TRANSACTION;\nUPDATE ledger_accounts SET debits_posted = debits_posted WHERE id IN (", commands[0], StringComparison.Ordinal);
            Assert.DoesNotContain(commands, c => c.Contains("FOR UPDATE", StringComparison.Ordinal));

            // The accounts are joined on their keys, not read by a scalar subquery each (MariaDB optimizes every one).
            Assert.Equal(2, commands[0].Split("LEFT JOIN `ledger_accounts`", StringSplitOptions.None).Length - 1);
            Assert.DoesNotContain("(SELECT", commands[0], StringComparison.OrdinalIgnoreCase);

            // The membership cards are joined with their conditions in the ON clause, not through a derived table.
            Assert.Contains("LEFT JOIN `cards` AS `c` ON ", commands[0], StringComparison.Ordinal);
            Assert.Single(commands[0].Split("SELECT", StringSplitOptions.None).Skip(1));

            // The event rows take the positions the sequence UPDATE moved through LAST_INSERT_ID(), with no subquery each.
            Assert.Contains("UPDATE event_sequence SET last_position = LAST_INSERT_ID(last_position + ", batch, StringComparison.Ordinal);
            Assert.Contains("VALUES (LAST_INSERT_ID() - ", batch, StringComparison.Ordinal);
            Assert.DoesNotContain("SELECT last_position", batch, StringComparison.Ordinal);

            // The redemption row rides in the batch, right after the idempotency claim: two round trips in all.
            Assert.Equal(2, commands.Count);
            Assert.Single(commands, c => c.Contains("INSERT INTO `redemptions`", StringComparison.Ordinal));
            Assert.Contains("INSERT INTO `redemptions`", batch, StringComparison.Ordinal);
            Assert.True(
                batch.IndexOf("INSERT INTO idempotency_keys", StringComparison.Ordinal) < batch.IndexOf("INSERT INTO `redemptions`", StringComparison.Ordinal),
                batch);
            Assert.DoesNotContain(commands, c => c.Trim().Equals("COMMIT", StringComparison.OrdinalIgnoreCase));
        }

        await host.WaitForProjectionsAsync();
        Assert.Equal(10_000 - 100 - 250, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }
}

public sealed class EmbeddedRedeemRoundTripTests() : RedeemRoundTripTests(StoreMode.Embedded);

public sealed class MariaDbRedeemRoundTripTests() : RedeemRoundTripTests(StoreMode.MariaDbRedis);

/// <summary>Without compound statements (as on MySQL 8, which has none) the same payment sends its statements one by one.</summary>
public sealed class MariaDbStatementByStatementRedeemRoundTripTests() : RedeemRoundTripTests(StoreMode.MariaDbRedis, compoundStatements: false);
