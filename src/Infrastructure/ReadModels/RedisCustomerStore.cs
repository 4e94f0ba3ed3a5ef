using System.Globalization;
using CodeScan.Application.Analytics;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production customer activity, one Redis Cluster slot per scope: a hash of counters per day (with the position
/// of the last payment it took), a sorted set per day, ISO week and month (member: the customer, score: their
/// payments), and a hash of each customer's first day. A day's payments are one script, each refused when replayed; a span is
/// counted by one script that unites its cover's sets (ZUNIONSTORE, payments summed) into a scratch key.
/// </summary>
internal sealed class RedisCustomerStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : ICustomerStore
{
    /// <summary>
    /// ARGV: the day, then for each payment in position order its position, customer and bill. A payment at or below
    /// the day's last position is skipped (a replay); each other one is counted and moves the position. The day's
    /// counters and each customer's scores take the batch's sums, one command each (<see cref="RedisScripts.SumInto"/>).
    /// </summary>
    private const string AddScript = RedisScripts.SumInto + """
        local last = tonumber(redis.call('HGET', KEYS[1], '@position') or '0')
        local moved_to = nil
        local bill, counts, customers = {}, {}, {}
        local payments, new = 0, 0
        for i = 2, #ARGV, 3 do
          if tonumber(ARGV[i]) > last then
            local customer = ARGV[i + 1]
            payments = payments + 1
            sum_into(bill, KEYS[1], 'bill', ARGV[i + 2])
            if counts[customer] == nil then
              counts[customer] = 0
              customers[#customers + 1] = customer
            end
            counts[customer] = counts[customer] + 1
            last = tonumber(ARGV[i])
            moved_to = ARGV[i]
          end
        end
        if moved_to then
          redis.call('HINCRBY', KEYS[1], 'payments', payments)
          write_sums(bill, KEYS[1])
          for _, customer in ipairs(customers) do
            for k = 2, 4 do
              redis.call('ZINCRBY', KEYS[k], counts[customer], customer)
            end
            if redis.call('HSETNX', KEYS[5], customer, ARGV[1]) == 1 then
              new = new + 1
            end
          end
          if new > 0 then
            redis.call('HINCRBY', KEYS[1], 'new', new)
          end
          redis.call('HSET', KEYS[1], '@position', moved_to)
        end
        return 1
        """;

    private const string CountScript = """
        local n = #KEYS - 1
        local source = KEYS[1]
        if n > 1 then
          redis.call('ZUNIONSTORE', KEYS[#KEYS], n, unpack(KEYS, 1, n))
          source = KEYS[#KEYS]
        end
        local result = { redis.call('ZCARD', source), redis.call('ZCOUNT', source, 2, '+inf') }
        if n > 1 then
          redis.call('DEL', KEYS[#KEYS])
        end
        return result
        """;

    private IDatabase Db => redis.GetDatabase();

    public Task AddPaymentAsync(Guid scopeId, Guid customerId, DateOnly day, long bill, long position, CancellationToken cancellationToken) =>
        AddPaymentsAsync(scopeId, day, [new CustomerPayment(customerId, bill, position)], cancellationToken);

    /// <summary>One script for all of them: a batch's payments in a scope's day cost one call, not one per event.</summary>
    public Task AddPaymentsAsync(Guid scopeId, DateOnly day, IReadOnlyList<CustomerPayment> payments, CancellationToken cancellationToken)
    {
        RedisKey[] scriptKeys =
        [
            keys.Customers(scopeId, "day:" + Date(day)),
            .. ActivityUnit.Of(day).Select(unit => Set(scopeId, unit)),
            keys.Customers(scopeId, "first"),
        ];
        var arguments = new RedisValue[1 + (3 * payments.Count)];
        arguments[0] = Date(day);
        for (var i = 0; i < payments.Count; i++)
        {
            arguments[1 + (3 * i)] = payments[i].Position;
            arguments[2 + (3 * i)] = payments[i].CustomerId.ToString("N");
            arguments[3 + (3 * i)] = payments[i].Bill;
        }

        return fence.EvaluateAsync(Db, AddScript, scriptKeys, arguments);
    }

    public async Task<IReadOnlyList<CustomerDay>> GetDaysAsync(Guid scopeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var reads = new List<Task<RedisValue[]>>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            reads.Add(Db.HashGetAsync(keys.Customers(scopeId, "day:" + Date(day)), ["payments", "bill", "new"]));
        }

        await Task.WhenAll(reads);
        return [.. reads.Select(r => new CustomerDay((long?)r.Result[0] ?? 0, (long?)r.Result[1] ?? 0, (long?)r.Result[2] ?? 0))];
    }

    public async Task<IReadOnlyList<DistinctCustomers>> CountAsync(Guid scopeId, IReadOnlyList<IReadOnlyList<ActivityUnit>> covers, CancellationToken cancellationToken)
    {
        var scratch = keys.Customers(scopeId, "scratch");
        var counts = covers.Select(cover => Db.ScriptEvaluateAsync(CountScript, [.. cover.Select(unit => Set(scopeId, unit)), scratch])).ToList();
        await Task.WhenAll(counts);
        return [.. counts.Select(c => (RedisResult[])c.Result!).Select(r => new DistinctCustomers((long)r[0], (long)r[1]))];
    }

    private RedisKey Set(Guid scopeId, ActivityUnit unit) => keys.Customers(scopeId, $"set:{unit.Kind}:{Date(unit.Start)}");

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
