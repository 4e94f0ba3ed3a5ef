namespace CodeScan.Benchmarks.Throughput.Year;

/// <summary>The system clock moved by <see cref="Offset"/>: the year benchmark records its template a year ago.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; set; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
