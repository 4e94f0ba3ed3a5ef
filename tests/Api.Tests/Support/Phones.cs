namespace CodeScan.Api.Tests.Support;

/// <summary>Fresh mainland mobile numbers, so tests sharing a store never share a person.</summary>
public static class Phones
{
    private static int _next = Random.Shared.Next(0, 10_000_000);

    public static string Next() => $"1390{Interlocked.Increment(ref _next) % 10_000_000:D7}";
}
