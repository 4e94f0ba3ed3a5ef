using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Records;

/// <summary>
/// A thousand records on each side, paged over HTTP by 100 (the customer's) and by 37 (the merchant's):
/// every entry exactly once, newest first, with the right amount and balance after; and while new payments
/// keep arriving, they appear at the head while paging older ones by cursor carries on without gaps or
/// repeats. (Paging across merchants and customers with filters is covered on the stores themselves.)
/// </summary>
public abstract class RecordsPagingTests(StoreMode mode)
{
    private const int PerSide = 1_000;

    [Fact]
    public async Task Records_When1000EntriesArePaged_ListEachOnceInOrderEvenWhileNewOnesArrive()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var a = await MerchantScenario.ApprovedAsync(host);
        var (alice, aliceToken) = await RecordsTests.CustomerAsync(host);
        var (bob, _) = await RecordsTests.CustomerAsync(host);

        // Alice recharges at A 1,000 times: 1,000 records on her side and on A's. Every amount is unique, to
        // tell records apart. Ten recharges per request, eight requests at a time.
        var amounts = Enumerable.Range(0, PerSide).Select(i => 10_000L + i).ToList();
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(amounts.Chunk(10).Select(async batch =>
            {
                await gate.WaitAsync();
                try
                {
                    await RechargeBatchAsync(a, alice, batch);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await host.WaitForProjectionsAsync(TimeSpan.FromSeconds(60));

        var aliceRecords = await host.PageAllAsync(aliceToken, "myRecords", new(), 100);
        AssertOnceNewestFirst(amounts, aliceRecords);
        Assert.All(aliceRecords, r => Assert.Equal(a.MerchantId, r["merchantId"]!.GetValue<string>()));

        // Balances after run down the list: each is the one below it plus its own amount.
        for (var i = 0; i < aliceRecords.Count - 1; i++)
        {
            Assert.Equal(aliceRecords[i + 1].Minor("storedValueAfter") + aliceRecords[i].Minor("amount"), aliceRecords[i].Minor("storedValueAfter"));
        }

        Assert.Equal(amounts.Sum(), aliceRecords[0].Minor("storedValueAfter"));

        // Page A's records by 37 while Bob's payments land at A after every page.
        var head = (await host.PageAsync(a.OwnerToken, "merchantRecords", new() { ["m"] = a.MerchantId }, 1))["nodes"]![0]!.AsObject().Position();
        var late = new List<long>();
        var merchantRecords = await host.PageAllAsync(a.OwnerToken, "merchantRecords", new() { ["m"] = a.MerchantId }, 37, async () =>
        {
            var amount = 90_000L + late.Count;
            late.Add(amount);
            await RecordsTests.Ok(a.RechargeAsync(bob, amount), "rechargeAtCounter");
        });
        Assert.All(merchantRecords, r => Assert.True(r.Position() <= head, $"{r.Position()} arrived after paging began, above the cursor"));
        AssertOnceNewestFirst(amounts, merchantRecords);
        Assert.True(late.Count >= PerSide / 37, $"only {late.Count} payments arrived while paging");

        // The late ones are at the head now; paging by 100 from the top sees everything once.
        await host.WaitForProjectionsAsync();
        var now = await host.PageAllAsync(a.OwnerToken, "merchantRecords", new() { ["m"] = a.MerchantId }, 100);
        AssertOnceNewestFirst(amounts.Concat(late), now);
        Assert.Equal(late.AsEnumerable().Reverse(), now.Take(late.Count).Select(r => r.Minor("amount")));
    }

    /// <summary>Recharges in one request, one aliased mutation each (each still its own transaction).</summary>
    internal static async Task RechargeBatchAsync(MerchantScenario merchant, string phone, IReadOnlyList<long> batch)
    {
        var fields = batch.Select((_, i) => $"r{i}: rechargeAtCounter(input: $i{i}) {{ errors {{ code message }} }}");
        var document = $"mutation({string.Join(", ", batch.Select((_, i) => $"$i{i}: RechargeAtCounterInput!"))}) {{ {string.Join(" ", fields)} }}";
        var variables = batch.Select((amount, i) => (Key: $"i{i}", Value: (object)new
        {
            merchantId = merchant.MerchantId, customerPhone = phone, amount, bonus = 0L, idempotencyKey = Guid.NewGuid().ToString("N"),
        })).ToDictionary(v => v.Key, v => v.Value);
        var response = await merchant.Host.GraphQLAsync(merchant.OwnerToken, document, variables);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Empty(response.Data($"r{i}").ErrorCodes());
        }
    }

    /// <summary>Exactly the given amounts, one record each, in strictly decreasing position order.</summary>
    private static void AssertOnceNewestFirst(IEnumerable<long> amounts, IReadOnlyList<JsonObject> records)
    {
        var positions = records.Select(r => r.Position()).ToList();
        Assert.Equal(positions.OrderDescending(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(amounts.Order(), records.Select(r => r.Minor("amount")).Order());
        Assert.All(records, r => Assert.Equal("RECHARGE", r["kind"]!.GetValue<string>()));
    }
}

public sealed class EmbeddedRecordsPagingTests() : RecordsPagingTests(StoreMode.Embedded);

public sealed class MariaDbRecordsPagingTests() : RecordsPagingTests(StoreMode.MariaDbRedis);
