using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>The business details a merchant applies with, validated as a whole.</summary>
public sealed record MerchantProfile(
    string Name,
    PhoneNumber ContactPhone,
    string BusinessLicenceNumber,
    string Address,
    string Category,
    string Locale,
    string Currency)
{
    public const int MaxNameLength = 100;
    public const int MaxLicenceLength = 32;
    public const int MaxAddressLength = 200;
    public const int MaxCategoryLength = 50;

    public static Result<MerchantProfile> Create(
        string? name,
        string? contactPhone,
        string? businessLicenceNumber,
        string? address,
        string? category,
        string? locale,
        string? currency)
    {
        if (Text(name, MaxNameLength, "name") is { } nameError)
        {
            return nameError;
        }

        var phone = PhoneNumber.Parse(contactPhone);
        if (!phone.IsSuccess)
        {
            return phone.Error! with { Field = "contactPhone" };
        }

        if (Text(businessLicenceNumber, MaxLicenceLength, "businessLicenceNumber") is { } licenceError)
        {
            return licenceError;
        }

        if (!businessLicenceNumber!.Trim().All(char.IsAsciiLetterOrDigit))
        {
            return Error.Invalid("A business licence number has only letters and digits.", "businessLicenceNumber");
        }

        if (Text(address, MaxAddressLength, "address") is { } addressError)
        {
            return addressError;
        }

        if (Text(category, MaxCategoryLength, "category") is { } categoryError)
        {
            return categoryError;
        }

        var effectiveLocale = string.IsNullOrEmpty(locale) ? Locales.ZhCn : locale;
        if (!Locales.IsSupported(effectiveLocale))
        {
            return Error.Invalid($"Locale must be one of {string.Join(", ", Locales.Supported)}.", "locale");
        }

        var effectiveCurrency = string.IsNullOrEmpty(currency) ? Currencies.Default : currency;
        if (!Currencies.IsSupported(effectiveCurrency))
        {
            return Error.Invalid($"Currency must be one of {string.Join(", ", Currencies.Supported)}.", "currency");
        }

        return new MerchantProfile(
            name!.Trim(),
            phone.Value!,
            businessLicenceNumber.Trim().ToUpperInvariant(),
            address!.Trim(),
            category!.Trim(),
            effectiveLocale,
            effectiveCurrency);
    }

    private static Error? Text(string? value, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Error.Invalid($"'{field}' is required.", field);
        }

        return value.Trim().Length > maxLength
            ? Error.Invalid($"'{field}' must be at most {maxLength} characters.", field)
            : null;
    }
}
