using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Merchants;

public sealed class MerchantCodeTests
{
    [Fact]
    public void Generate_WhenIndexesRandom_UsesMThenEightAlphabetCharacters()
    {
        var random = new Random(20250601);

        for (var i = 0; i < 1_000; i++)
        {
            var code = MerchantCode.Generate(random.Next).Value;

            Assert.Equal(9, code.Length);
            Assert.Equal('M', code[0]);
            Assert.All(code[1..], c => Assert.Contains(c, MerchantCode.Alphabet));
        }
    }

    [Fact]
    public void Generate_AsksEightTimesForAnIndexBelowTheAlphabetLength()
    {
        var bounds = new List<int>();

        MerchantCode.Generate(bound =>
        {
            bounds.Add(bound);
            return 0;
        });

        Assert.Equal(Enumerable.Repeat(MerchantCode.Alphabet.Length, 8), bounds);
    }

    [Fact]
    public void Generate_WhenIndexesFixed_IsPredictable()
    {
        Assert.Equal("M22222222", MerchantCode.Generate(_ => 0).Value);
        Assert.Equal("MZZZZZZZZ", MerchantCode.Generate(bound => bound - 1).Value);
    }

    [Theory]
    [InlineData('0')]
    [InlineData('O')]
    [InlineData('1')]
    [InlineData('I')]
    [InlineData('L')]
    public void Alphabet_HasNoLookAlikes(char lookAlike)
    {
        Assert.DoesNotContain(lookAlike, MerchantCode.Alphabet);
    }

    [Fact]
    public void Alphabet_HasNoRepeatedCharacters()
    {
        Assert.Equal(MerchantCode.Alphabet.Length, MerchantCode.Alphabet.Distinct().Count());
    }

    [Fact]
    public void Parse_WhenGeneratedCode_RoundTrips()
    {
        var random = new Random(7);

        for (var i = 0; i < 100; i++)
        {
            var code = MerchantCode.Generate(random.Next);

            Assert.Equal(code, MerchantCode.Parse(code.Value).AssertSuccess());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("M")]
    [InlineData("M2345678")]
    [InlineData("M234567890")]
    [InlineData("X23456789")]
    [InlineData("m23456789")]
    [InlineData("M2345678a")]
    [InlineData("M2345678O")]
    [InlineData("M23456781")]
    [InlineData("M2345678L")]
    [InlineData("M2345 789")]
    [InlineData(" M23456789")]
    [InlineData("M23456789 ")]
    public void Parse_WhenNotAMerchantCode_FailsOnMerchantCode(string? value)
    {
        MerchantCode.Parse(value).AssertFailure(ErrorCode.InvalidInput, "merchantCode");
    }

    [Fact]
    public void ToString_IsTheCode()
    {
        Assert.Equal("M23456789", MerchantCode.Parse("M23456789").AssertSuccess().ToString());
    }
}
