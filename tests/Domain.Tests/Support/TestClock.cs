namespace CodeScan.Domain.Tests.Support;

/// <summary>One fixed instant, so assertions on timestamps are exact and runs are repeatable.</summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 30, 0, TimeSpan.FromHours(8));
}
