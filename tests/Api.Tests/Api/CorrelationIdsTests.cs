using System.Collections.Concurrent;
using CodeScan.Api.Diagnostics;

namespace CodeScan.Api.Tests.Api;

/// <summary>The ids the service makes for requests that bring none, and which ids a caller may bring.</summary>
public sealed class CorrelationIdsTests
{
    [Fact]
    public void New_CalledFromManyThreads_GivesDistinctIdsOf32HexDigits()
    {
        var ids = new ConcurrentBag<string>();
        Parallel.For(0, 20_000, _ => ids.Add(CorrelationIds.New()));

        Assert.Equal(20_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public void New_DoesNotCountRequestsInTheOpen()
    {
        var first = CorrelationIds.New();
        var second = CorrelationIds.New();

        // Same process, same first half; the second halves are not consecutive numbers (the count is mixed).
        Assert.Equal(first[..16], second[..16]);
        var a = ulong.Parse(first[16..], System.Globalization.NumberStyles.HexNumber);
        var b = ulong.Parse(second[16..], System.Globalization.NumberStyles.HexNumber);
        Assert.NotEqual(1UL, b - a);
        Assert.NotEqual(1UL, a - b);
    }

    [Theory]
    [InlineData("till-42.req_7")]
    [InlineData("a")]
    [InlineData("urn:codescan:1")]
    public void Sane_KeepsShortIdsOfLettersDigitsAndSeparators(string given) => Assert.Equal(given, CorrelationIds.Sane(given));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("line\nbreak")]
    [InlineData("ümlaut")]
    public void Sane_RefusesMissingOrUnsafeIds(string? given) => Assert.Null(CorrelationIds.Sane(given));

    [Fact]
    public void Sane_RefusesIdsLongerThan64Characters()
    {
        Assert.NotNull(CorrelationIds.Sane(new string('x', 64)));
        Assert.Null(CorrelationIds.Sane(new string('x', 65)));
    }
}
