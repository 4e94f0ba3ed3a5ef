using CodeScan.Domain.Common;

namespace CodeScan.Domain.Tests.Common;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("CNY", 2)]
    [InlineData("HKD", 2)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    public void MinorDigits_WhenSupported_FollowsIso4217(string code, int expected)
    {
        Assert.True(Currencies.IsSupported(code));
        Assert.Equal(expected, Currencies.MinorDigits(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("GBP")]
    [InlineData("cny")]
    [InlineData("CNY ")]
    public void IsSupported_WhenUnknownOrNotExactCode_IsFalse(string? code)
    {
        Assert.False(Currencies.IsSupported(code));
    }

    [Fact]
    public void Default_IsChineseYuan()
    {
        Assert.Equal("CNY", Currencies.Default);
        Assert.Contains(Currencies.Default, Currencies.Supported);
    }

    [Fact]
    public void Supported_ListsExactlyTheTradedCurrencies()
    {
        Assert.Equal(["CNY", "EUR", "HKD", "JPY", "USD"], Currencies.Supported.Order(StringComparer.Ordinal));
    }
}
