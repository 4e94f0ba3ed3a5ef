using System.Globalization;
using CodeScan.Domain.Common;

namespace CodeScan.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(5L, "0.05")]
    [InlineData(99L, "0.99")]
    [InlineData(100L, "1.00")]
    [InlineData(2500L, "25.00")]
    [InlineData(10000L, "100.00")]
    [InlineData(-5L, "-0.05")]
    [InlineData(-2500L, "-25.00")]
    [InlineData(Money.MaxAmountMinorUnits, "1000000.00")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    [InlineData(long.MinValue + 1, "-92233720368547758.07")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void Format_WhenTwoMinorDigits_WritesExactlyTwoDecimals(long minorUnits, string expected)
    {
        Assert.Equal(expected, Money.Format(minorUnits, 2));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(5L, "5")]
    [InlineData(2500L, "2500")]
    [InlineData(-2500L, "-2500")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    public void Format_WhenZeroMinorDigits_WritesWholeUnitsWithoutPoint(long minorUnits, string expected)
    {
        Assert.Equal(expected, Money.Format(minorUnits, 0));
    }

    [Fact]
    public void Format_WhenCurrentCultureUsesCommaAndSeparators_StillWritesInvariantForm()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("1234567.89", Money.Format(123_456_789, 2));
            Assert.Equal("-25.00", new Money(-2500, "EUR").ToDecimalString());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("CNY", 2500L, "25.00")]
    [InlineData("HKD", 1L, "0.01")]
    [InlineData("USD", 10000L, "100.00")]
    [InlineData("EUR", 99L, "0.99")]
    [InlineData("JPY", 2500L, "2500")]
    [InlineData("JPY", 0L, "0")]
    public void ToDecimalString_UsesTheCurrencysMinorDigits(string currency, long minorUnits, string expected)
    {
        Assert.Equal(expected, new Money(minorUnits, currency).ToDecimalString());
    }

    [Theory]
    [InlineData("CNY", 2500L, "25.00 CNY")]
    [InlineData("JPY", 2500L, "2500 JPY")]
    [InlineData("USD", -1L, "-0.01 USD")]
    public void ToString_WritesAmountThenCurrencyCode(string currency, long minorUnits, string expected)
    {
        Assert.Equal(expected, new Money(minorUnits, currency).ToString());
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("GBP")]
    [InlineData("cny")]
    [InlineData(" CNY")]
    [InlineData("")]
    public void Constructor_WhenCurrencyUnsupported_Throws(string currency)
    {
        var exception = Assert.Throws<ArgumentException>(() => new Money(100, currency));

        Assert.Equal("currency", exception.ParamName);
    }

    [Fact]
    public void Constructor_WhenCurrencyNull_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Money(100, null!));
    }

    [Fact]
    public void Constructor_WhenCurrencySupported_KeepsAmountAndCurrency()
    {
        var money = new Money(2500, "CNY");

        Assert.Equal(2500, money.MinorUnits);
        Assert.Equal("CNY", money.Currency);
    }

    [Theory]
    [InlineData(1L, true)]
    [InlineData(0L, false)]
    [InlineData(-1L, false)]
    public void IsPositive_IsTrueOnlyAboveZero(long minorUnits, bool expected)
    {
        Assert.Equal(expected, new Money(minorUnits, "CNY").IsPositive);
    }

    [Fact]
    public void Zero_HasNoMinorUnitsInTheGivenCurrency()
    {
        var zero = Money.Zero("JPY");

        Assert.Equal(0, zero.MinorUnits);
        Assert.Equal("JPY", zero.Currency);
        Assert.False(zero.IsPositive);
    }

    [Fact]
    public void Equality_WhenSameAmountAndCurrency_IsEqual()
    {
        Assert.Equal(new Money(100, "CNY"), new Money(100, "CNY"));
        Assert.NotEqual(new Money(100, "CNY"), new Money(100, "HKD"));
        Assert.NotEqual(new Money(100, "CNY"), new Money(101, "CNY"));
    }
}
