namespace CodeScan.Infrastructure.Projections;

/// <summary>What the projector has done, for /readyz and for tests that wait for read models.</summary>
public sealed class ProjectorStatus
{
    private long _appliedPosition;

    public long AppliedPosition => Interlocked.Read(ref _appliedPosition);

    public string? LastError { get; private set; }

    public DateTimeOffset? LastErrorAt { get; private set; }

    /// <summary>True while another node holds the projector lease.</summary>
    public bool IsStandingBy { get; private set; }

    internal void StandingBy() => IsStandingBy = true;

    internal void Applied(long position)
    {
        IsStandingBy = false;
        Interlocked.Exchange(ref _appliedPosition, position);
        LastError = null;
    }

    internal void Failed(Exception exception, DateTimeOffset now)
    {
        LastError = exception.GetType().Name + ": " + exception.Message;
        LastErrorAt = now;
    }
}
