using CodeScan.Domain.Common;
using CodeScan.Domain.Tests.Builders;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Merchants;

public sealed class MerchantProfileTests
{
    [Fact]
    public void Create_WhenEveryFieldValid_KeepsTheDetails()
    {
        var profile = ProfileInput.Valid.Create().AssertSuccess();

        Assert.Equal("Lucky Noodles", profile.Name);
        Assert.Equal("+8613812345678", profile.ContactPhone.Value);
        Assert.Equal("91310000MA1K0001", profile.BusinessLicenceNumber);
        Assert.Equal("1 Nanjing Road, Shanghai", profile.Address);
        Assert.Equal("Restaurant", profile.Category);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Create_WhenLocaleAndCurrencyOmitted_DefaultsToZhCnAndCny(string? omitted)
    {
        var profile = (ProfileInput.Valid with { Locale = omitted, Currency = omitted }).Create().AssertSuccess();

        Assert.Equal("zh-CN", profile.Locale);
        Assert.Equal("CNY", profile.Currency);
    }

    [Fact]
    public void Create_WhenLocaleAndCurrencyGiven_KeepsThem()
    {
        var profile = (ProfileInput.Valid with { Locale = "en-US", Currency = "JPY" }).Create().AssertSuccess();

        Assert.Equal("en-US", profile.Locale);
        Assert.Equal("JPY", profile.Currency);
    }

    [Fact]
    public void Create_WhenTextHasSurroundingSpaces_TrimsIt()
    {
        var input = ProfileInput.Valid with
        {
            Name = "  Lucky Noodles  ",
            BusinessLicenceNumber = " 91310000MA1K0001\t",
            Address = " 1 Nanjing Road ",
            Category = "\tRestaurant ",
        };

        var profile = input.Create().AssertSuccess();

        Assert.Equal("Lucky Noodles", profile.Name);
        Assert.Equal("91310000MA1K0001", profile.BusinessLicenceNumber);
        Assert.Equal("1 Nanjing Road", profile.Address);
        Assert.Equal("Restaurant", profile.Category);
    }

    [Fact]
    public void Create_WhenLicenceInLowerCase_UpperCasesIt()
    {
        var profile = (ProfileInput.Valid with { BusinessLicenceNumber = "91310000ma1k0001" }).Create().AssertSuccess();

        Assert.Equal("91310000MA1K0001", profile.BusinessLicenceNumber);
    }

    [Fact]
    public void Create_WhenContactPhoneHasSpacesAndPrefix_NormalisesIt()
    {
        var profile = (ProfileInput.Valid with { ContactPhone = "+86 138-1234-5678" }).Create().AssertSuccess();

        Assert.Equal("+8613812345678", profile.ContactPhone.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenNameMissing_FailsOnName(string? name)
    {
        (ProfileInput.Valid with { Name = name }).Create().AssertFailure(ErrorCode.InvalidInput, "name");
    }

    [Theory]
    [InlineData(101)]
    [InlineData(10_000)]
    public void Create_WhenNameTooLong_FailsOnName(int length)
    {
        (ProfileInput.Valid with { Name = new string('N', length) }).Create().AssertFailure(ErrorCode.InvalidInput, "name");
    }

    [Fact]
    public void Create_WhenNameExactlyAtLimitAfterTrimming_Accepts()
    {
        var name = new string('N', MerchantProfileLimits.Name);

        var profile = (ProfileInput.Valid with { Name = $"  {name}  " }).Create().AssertSuccess();

        Assert.Equal(name, profile.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("12812345678")]
    [InlineData("not a phone")]
    public void Create_WhenContactPhoneInvalid_FailsOnContactPhone(string? phone)
    {
        (ProfileInput.Valid with { ContactPhone = phone }).Create().AssertFailure(ErrorCode.InvalidInput, "contactPhone");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("91310000-MA1K")]
    [InlineData("9131 0000 MA1K")]
    [InlineData("91310000/MA1K")]
    [InlineData("营业执照91310000")]
    [InlineData("９１３１")]
    public void Create_WhenLicenceMissingOrNotLettersAndDigits_FailsOnLicence(string? licence)
    {
        (ProfileInput.Valid with { BusinessLicenceNumber = licence }).Create()
            .AssertFailure(ErrorCode.InvalidInput, "businessLicenceNumber");
    }

    [Fact]
    public void Create_WhenLicenceTooLong_FailsOnLicence()
    {
        (ProfileInput.Valid with { BusinessLicenceNumber = new string('A', MerchantProfileLimits.Licence + 1) }).Create()
            .AssertFailure(ErrorCode.InvalidInput, "businessLicenceNumber");
    }

    [Fact]
    public void Create_WhenLicenceExactlyAtLimit_Accepts()
    {
        (ProfileInput.Valid with { BusinessLicenceNumber = new string('A', MerchantProfileLimits.Licence) }).Create()
            .AssertSuccess();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Create_WhenAddressMissing_FailsOnAddress(string? address)
    {
        (ProfileInput.Valid with { Address = address }).Create().AssertFailure(ErrorCode.InvalidInput, "address");
    }

    [Fact]
    public void Create_WhenAddressTooLong_FailsOnAddress()
    {
        (ProfileInput.Valid with { Address = new string('a', MerchantProfileLimits.Address + 1) }).Create()
            .AssertFailure(ErrorCode.InvalidInput, "address");
    }

    [Fact]
    public void Create_WhenAddressExactlyAtLimit_Accepts()
    {
        (ProfileInput.Valid with { Address = new string('a', MerchantProfileLimits.Address) }).Create().AssertSuccess();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t")]
    public void Create_WhenCategoryMissing_FailsOnCategory(string? category)
    {
        (ProfileInput.Valid with { Category = category }).Create().AssertFailure(ErrorCode.InvalidInput, "category");
    }

    [Fact]
    public void Create_WhenCategoryTooLong_FailsOnCategory()
    {
        (ProfileInput.Valid with { Category = new string('c', MerchantProfileLimits.Category + 1) }).Create()
            .AssertFailure(ErrorCode.InvalidInput, "category");
    }

    [Fact]
    public void Create_WhenCategoryExactlyAtLimit_Accepts()
    {
        (ProfileInput.Valid with { Category = new string('c', MerchantProfileLimits.Category) }).Create().AssertSuccess();
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("zh-cn")]
    [InlineData("zh_CN")]
    [InlineData("en")]
    [InlineData(" ")]
    public void Create_WhenLocaleUnsupported_FailsOnLocale(string locale)
    {
        (ProfileInput.Valid with { Locale = locale }).Create().AssertFailure(ErrorCode.InvalidInput, "locale");
    }

    [Theory]
    [InlineData("GBP")]
    [InlineData("cny")]
    [InlineData("RMB")]
    [InlineData(" ")]
    public void Create_WhenCurrencyUnsupported_FailsOnCurrency(string currency)
    {
        (ProfileInput.Valid with { Currency = currency }).Create().AssertFailure(ErrorCode.InvalidInput, "currency");
    }

    /// <summary>The limits the domain promises, written out so a change to them is a visible decision.</summary>
    private static class MerchantProfileLimits
    {
        public const int Name = 100;
        public const int Licence = 32;
        public const int Address = 200;
        public const int Category = 50;
    }
}
