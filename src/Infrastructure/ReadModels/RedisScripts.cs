namespace CodeScan.Infrastructure.ReadModels;

/// <summary>Lua shared by the read models' scripts, put in front of a script's own text.</summary>
internal static class RedisScripts
{
    /// <summary>
    /// <c>sum_into(sums, key, field, value)</c> adds a counter's value (a decimal string) to <c>sums[field]</c>, and
    /// <c>write_sums(sums, key)</c> writes each sum with one HINCRBY: a batch of events adds to a counter once, not once
    /// per event. Lua numbers are doubles, exact up to 2^53; a value past that goes to Redis at once as it came, and a sum
    /// that would pass it is written first and started again, so every counter stays exact to the unit.
    /// </summary>
    public const string SumInto = """
        local exact = 9007199254740991
        local function sum_into(sums, key, field, value)
          local v = tonumber(value)
          if v > exact or v < -exact then
            redis.call('HINCRBY', key, field, value)
            return
          end
          local sum = (sums[field] or 0) + v
          if sum > exact or sum < -exact then
            redis.call('HINCRBY', key, field, string.format('%.0f', sums[field]))
            sum = v
          end
          sums[field] = sum
        end
        local function write_sums(sums, key)
          for field, sum in pairs(sums) do
            redis.call('HINCRBY', key, field, string.format('%.0f', sum))
          end
        end

        """;
}
