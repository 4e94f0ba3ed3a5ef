using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Every Redis key and channel name, under one configurable prefix (one prefix per deployment). Read-model
/// keys sit under <see cref="Prefix"/>, which names the live <b>generation</b> of the read models
/// (<c>{root}</c> for generation 0, <c>{root}g{n}:</c> after the n-th rebuild): <c>rebuild-read-models</c> builds a
/// new generation aside and switches every node to it at once. A store that builds its keys from
/// <see cref="Prefix"/> on every call (never caching it) takes part in rebuilds without knowing about them.
/// The projector lease, the generation pointer and the channels belong to the deployment, not to a generation.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    private long _generation;
    private bool _pinned;

    /// <summary>The deployment's prefix, <c>Redis:KeyPrefix</c>.</summary>
    public string Root { get; } = prefix;

    /// <summary>The read-model generation this node reads and writes.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// True while a rebuild projects events the live generation has already projected: they were announced when
    /// they happened (tills and wallets heard them), so nothing is published.
    /// </summary>
    public bool Muted { get; private set; }

    /// <summary>True in a rebuild's process: these keys point at the generation it builds, not at the live one.</summary>
    public bool Pinned => Volatile.Read(ref _pinned);

    /// <summary>The prefix of every read-model key of the current generation.</summary>
    public string Prefix => PrefixOf(Generation);

    public RedisKey Checkpoint => CheckpointOf(Generation);

    public RedisKey ProjectorLease => $"{Root}projector:lease";

    /// <summary>The hash tag of the lease and of everything a lease script touches with it (one Redis Cluster slot).</summary>
    private string LeaseSlot => $"{{{Root}projector:lease}}";

    /// <summary>
    /// The live generation's number. It shares the lease's hash slot (a key's hash tag is the lease key's whole
    /// name), so one script can check the lease and read or move the pointer, on Redis Cluster too.
    /// </summary>
    public RedisKey LiveGeneration => $"{LeaseSlot}:generation";

    /// <summary>The last generation number handed out (never handed out twice).</summary>
    public RedisKey GenerationCounter => $"{LeaseSlot}:generations";

    /// <summary>Set by a rebuild that wants the lease: its holder gives it up at its next batch.</summary>
    public RedisKey LeaseHandover => $"{LeaseSlot}:handover";

    /// <summary>The last fencing token handed out, to a lease holder or a rebuild (see <see cref="ProjectorFence"/>).</summary>
    public RedisKey FenceTokens => $"{LeaseSlot}:tokens";

    /// <summary>The token of the lease's current holder, kept while it renews.</summary>
    public RedisKey LeaseToken => $"{LeaseSlot}:token";

    /// <summary>
    /// The newest token that has written <paramref name="generation"/>'s read models: writes with an older one are refused.
    /// It shares the lease's hash slot, so the lease script raises the live generation's fence as it hands a token out.
    /// </summary>
    public RedisKey FenceOf(long generation) => $"{LeaseSlot}:fence:{generation}";

    /// <summary>
    /// The hash tag of everything one owner (a merchant, a customer, an instrument, a platform scope) has in the current
    /// generation: every key one script writes carries its owner's tag, so the script runs in one Redis Cluster slot.
    /// </summary>
    public string Owner(Guid ownerId) => $"{{{Prefix}{ownerId:N}}}";

    public RedisKey Merchant(Guid merchantId) => $"{Owner(merchantId)}:merchant";

    /// <summary>A wallet is its customer's (with the index of their wallets), so a customer's wallets are read in one MGET.</summary>
    public RedisKey Wallet(Guid merchantId, Guid customerId) => $"{Owner(customerId)}:wallet:{merchantId:N}";

    public RedisKey CustomerWallets(Guid customerId) => $"{Owner(customerId)}:wallets";

    public RedisKey Alerts(Guid merchantId) => $"{Owner(merchantId)}:alerts";

    /// <summary>A merchant's sales rollup for one day of its own time zone.</summary>
    public RedisKey SalesDay(Guid merchantId, DateOnly day) => $"{Owner(merchantId)}:sales:{Date(day)}";

    /// <summary>A performance rollup of a merchant (or the platform: one hot slot) for one day.</summary>
    public RedisKey PerformanceDay(Application.Analytics.PerformanceRollup rollup, Guid scopeId, DateOnly day) =>
        $"{Owner(scopeId)}:perf:{rollup}:{Date(day)}";

    /// <summary>A merchant's coupon templates and card products by id: "kind|name".</summary>
    public RedisKey PerformanceItems(Guid merchantId) => $"{Owner(merchantId)}:perf-items";

    /// <summary>
    /// A merchant's (or the platform's) customer activity: <paramref name="name"/> is "day:{yyyyMMdd}" (counters),
    /// "set:{unit}:{yyyyMMdd}" (customers and their payments) or "first" (each customer's first day).
    /// </summary>
    public RedisKey Customers(Guid scopeId, string name) => $"{Owner(scopeId)}:cust:{name}";

    /// <summary>A scope's liability rollup for one local day (a merchant, or the platform in one currency).</summary>
    public RedisKey LiabilityDay(Guid scope, DateOnly day) => $"{Owner(scope)}:liability:{Date(day)}";

    /// <summary>The days a scope's liability rollups have, scored by day number.</summary>
    public RedisKey LiabilityDays(Guid scope) => $"{Owner(scope)}:liability-days";

    public RedisKey LiabilityLots(Guid merchantId, Guid customerId) => $"{Owner(customerId)}:liability-lots:{merchantId:N}";

    public RedisKey LiabilityInstrument(Guid instrumentId) => $"{Owner(instrumentId)}:liability-instrument";

    /// <summary>
    /// Revoked sessions, scored by when their access tokens have all expired, and the version nodes poll.
    /// One script writes both, so they share a hash tag (one slot on Redis Cluster).
    /// </summary>
    public RedisKey RevokedSessions => $"{{{Prefix}sessions}}:revoked";

    public RedisKey RevokedSessionsVersion => $"{{{Prefix}sessions}}:revoked-version";

    /// <summary>A rate-limit window ("{policy}:{user}"): the deployment's, shared by every node, not a read model.</summary>
    public RedisKey RateLimit(string key) => Shared("rate:" + key);

    /// <summary>
    /// The namespace of keys that every node shares and that are not read models (limits, counters): they belong to
    /// no generation, so a rebuild neither rebuilds nor deletes them.
    /// </summary>
    public const string SharedNamespace = "shared:";

    public RedisKey Shared(string name) => $"{Root}{SharedNamespace}{name}";

    /// <summary>
    /// The open connections (WebSockets) of one user or client address ("user:{id}", "address:{ip}") on every node,
    /// scored by when each expires unless its node renews it. The deployment's, not a read model; the whole name is
    /// the hash tag, so the script that sweeps, counts and adds touches one slot on Redis Cluster.
    /// </summary>
    public RedisKey ConnectionSlots(string key) => $"{{{Root}{SharedNamespace}ws:{key}}}";

    /// <summary>Where a commit on any node wakes the projector, wherever it runs.</summary>
    public RedisChannel ProjectorWake => Channel("projector:wake");

    /// <summary>Where a switch of the live generation is announced.</summary>
    public RedisChannel GenerationChannel => Channel("read-models:generation");

    /// <summary>
    /// The fence of <paramref name="generation"/> in <paramref name="key"/>'s Redis Cluster slot: <c>{tag}:fence:{generation}</c>
    /// with the key's hash tag (its whole name if it has none). In the lease's slot it is <see cref="FenceOf"/> itself.
    /// </summary>
    public static RedisKey SlotFenceOf(RedisKey key, long generation)
    {
        var name = key.ToString();
        var open = name.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : name.IndexOf('}', open + 1);
        var tag = close > open + 1 ? name[(open + 1)..close] : name;
        return $"{{{tag}}}:fence:{generation}";
    }

    public RedisChannel Channel(string name) => RedisChannel.Literal($"{Root}{name}");

    /// <summary>
    /// Points these keys, for good, at a generation being built (the rebuild command's process): muted until
    /// <see cref="Unmute"/>, and no longer following the live pointer.
    /// </summary>
    public void BuildInto(long generation)
    {
        _pinned = true;
        Muted = true;
        Interlocked.Exchange(ref _generation, generation);
    }

    /// <summary>From here on the rebuild projects events nobody has announced yet: it announces them.</summary>
    public void Unmute() => Muted = false;

    /// <summary>A generation's checkpoint, beside the lease (its slot), so one script can check the lease and move it.</summary>
    public RedisKey CheckpointOf(long generation) => $"{LeaseSlot}:checkpoint:{generation}";

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public string PrefixOf(long generation) => generation == 0 ? Root : $"{Root}g{generation}:";

    /// <summary>
    /// Moves this node on to <paramref name="generation"/>; true when it changed. Generations only move forward
    /// (each rebuild takes a higher number), so an announcement that arrives late never moves a node back.
    /// </summary>
    public bool Use(long generation)
    {
        var seen = Interlocked.Read(ref _generation);
        while (!_pinned && generation > seen)
        {
            var was = Interlocked.CompareExchange(ref _generation, generation, seen);
            if (was == seen)
            {
                return true;
            }

            seen = was;
        }

        return false;
    }
}
