using System.Globalization;
using CodeScan.Infrastructure.Persistence;

namespace CodeScan.Api.Tests.Persistence;

/// <summary>The numbers and ids the commit batch writes into its SQL as literals read the same whatever the thread's culture.</summary>
public sealed class BatchLiteralTests
{
    [Theory]
    [InlineData("sv-SE")]
    [InlineData("fa-IR")]
    [InlineData("ar-SA")]
    [InlineData("")]
    public void Literals_AreInvariant_InAnyCulture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal("-1234567", BatchParameters.Literal(-1_234_567L));
            Assert.Equal("9223372036854775807", BatchParameters.Literal(long.MaxValue));
            Assert.Equal("0", BatchParameters.Literal(0));
            var id = Guid.Parse("0d1a1f99-fe04-08d6-a6a8-4e3ae154f005");
            Assert.Equal("'0d1a1f99-fe04-08d6-a6a8-4e3ae154f005'", BatchParameters.Literal(id));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
