using CodeScan.Infrastructure.ReadModels;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Projections;

/// <summary>Wakes the projector after a commit, on whichever node it runs.</summary>
public interface IProjectorWakeUp
{
    /// <summary>Called after a commit that wrote events; never waits and never fails the commit.</summary>
    void Committed();
}

/// <summary>Embedded mode: one process, so the projector is here and its own signal wakes it.</summary>
internal sealed class LocalProjectorWakeUp(ProjectorSignal signal) : IProjectorWakeUp
{
    public void Committed() => signal.Notify();
}

/// <summary>
/// Several nodes: the projector runs on the one holding the lease, which may not be this one. The local signal
/// wakes it if it is here; a message on <see cref="RedisKeys.ProjectorWake"/> wakes it anywhere else (every node's
/// <see cref="ProjectorWakeListener"/> turns it into its own signal). Without this, a commit on a standby node
/// waited for the projector's next poll. The message is sent without waiting and not at all while Redis is away:
/// the poll still finds the events, later. Nor is it sent by the lease's holder: the local signal is enough there, and
/// its own message coming back would wake it a second time, to read an empty log.
/// </summary>
internal sealed class RedisProjectorWakeUp(ProjectorSignal signal, IConnectionMultiplexer redis, RedisKeys keys, IProjectorLease lease) : IProjectorWakeUp
{
    public void Committed()
    {
        signal.Notify();
        if (!lease.Held && redis.IsConnected)
        {
            redis.GetSubscriber().Publish(keys.ProjectorWake, RedisValue.EmptyString, CommandFlags.FireAndForget);
        }
    }
}
