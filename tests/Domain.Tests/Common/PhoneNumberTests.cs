using CodeScan.Domain.Common;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Common;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("+8613812345678")]
    [InlineData("008613812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138-1234-5678")]
    [InlineData("0086 138 1234 5678")]
    [InlineData("  13812345678  ")]
    [InlineData("138\t1234\u00A05678")]
    public void Parse_WhenMainlandNumberInAnyCommonForm_NormalisesToE164(string input)
    {
        var phone = PhoneNumber.Parse(input).AssertSuccess();

        Assert.Equal("+8613812345678", phone.Value);
    }

    [Theory]
    [InlineData("13000000000")]
    [InlineData("15912345678")]
    [InlineData("19912345678")]
    public void Parse_WhenSecondDigitIsThreeToNine_Accepts(string input)
    {
        Assert.Equal("+86" + input, PhoneNumber.Parse(input).AssertSuccess().Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("1381234abcd")]
    [InlineData("phone number")]
    [InlineData("12812345678")]
    [InlineData("10812345678")]
    [InlineData("23812345678")]
    [InlineData("+86 128 1234 5678")]
    [InlineData("0086 1381234567")]
    [InlineData("86 138 1234 5678")]
    [InlineData("1381234567８")]
    [InlineData("1381234567813812345678138123456781381234")]
    [InlineData("138.1234.5678")]
    [InlineData("(138) 1234 5678")]
    public void Parse_WhenNotAMainlandMobileNumber_FailsOnPhone(string? input)
    {
        PhoneNumber.Parse(input).AssertFailure(ErrorCode.InvalidInput, "phone");
    }

    [Fact]
    public void Parse_WhenLongerThan32Characters_FailsEvenIfDigitsWouldFit()
    {
        // 11 digits padded with spaces to 40 characters: rejected before any normalising.
        var input = "13812345678".PadLeft(40);

        PhoneNumber.Parse(input).AssertFailure(ErrorCode.InvalidInput, "phone");
    }

    [Theory]
    [InlineData("+44 7911 123456", "+447911123456")]
    [InlineData("+1-415-555-2671", "+14155552671")]
    [InlineData("+85291234567", "+85291234567")]
    [InlineData("+12345678", "+12345678")]
    [InlineData("+123456789012345", "+123456789012345")]
    public void Parse_WhenInternationalNumber_KeepsE164Form(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input).AssertSuccess().Value);
    }

    [Theory]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+0441234567")]
    [InlineData("+44 79x1 123456")]
    [InlineData("+")]
    [InlineData("++447911123456")]
    public void Parse_WhenInternationalNumberInvalid_FailsOnPhone(string input)
    {
        PhoneNumber.Parse(input).AssertFailure(ErrorCode.InvalidInput, "phone");
    }

    [Fact]
    public void Masked_WhenMainlandNumber_HidesTheMiddleFourDigits()
    {
        var phone = PhoneNumber.Parse("13812345678").AssertSuccess();

        var masked = phone.Masked();

        Assert.EndsWith("138****5678", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_WhenInternationalNumber_ShowsOnlyPrefixAndLastFour()
    {
        var phone = PhoneNumber.Parse("+447911123456").AssertSuccess();

        Assert.Equal("+44****3456", phone.Masked());
    }

    [Fact]
    public void ToString_WritesTheMaskedFormNeverTheFullNumber()
    {
        var phone = PhoneNumber.Parse("13812345678").AssertSuccess();

        Assert.Equal(phone.Masked(), phone.ToString());
        Assert.DoesNotContain(phone.Value, phone.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13812345678", "5678")]
    [InlineData("+447911123456", "3456")]
    public void LastFour_IsTheLastFourDigits(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input).AssertSuccess().LastFour);
    }

    [Fact]
    public void FromE164_WhenGivenAStoredValue_EqualsTheParsedNumber()
    {
        var parsed = PhoneNumber.Parse("138 1234 5678").AssertSuccess();

        Assert.Equal(parsed, PhoneNumber.FromE164("+8613812345678"));
    }
}
