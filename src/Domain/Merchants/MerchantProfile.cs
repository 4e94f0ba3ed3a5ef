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

        var effectiveLocale = string.IsNullOrEmpty(locale) ? Locales.ZhCn : locale;
        var effectiveCurrency = string.IsNullOrEmpty(currency) ? Currencies.Default : currency;
        var error = Licence(businessLicenceNumber)
            ?? Text(address, MaxAddressLength, "address")
            ?? Text(category, MaxCategoryLength, "category")
            ?? LocaleAndCurrency(effectiveLocale, effectiveCurrency);
        if (error is not null)
        {
            return error;
        }

        return new MerchantProfile(
            name!.Trim(),
            phone.Value!,
            businessLicenceNumber!.Trim().ToUpperInvariant(),
            address!.Trim(),
            category!.Trim(),
            effectiveLocale,
            effectiveCurrency);
    }

    /// <summary>Required, at most <see cref="MaxLicenceLength"/> characters, letters and digits only.</summary>
    private static Error? Licence(string? businessLicenceNumber) =>
        Text(businessLicenceNumber, MaxLicenceLength, "businessLicenceNumber")
        ?? (businessLicenceNumber!.Trim().All(char.IsAsciiLetterOrDigit)
            ? null
            : Error.Invalid("A business licence number has only letters and digits.", "businessLicenceNumber"));

    private static Error? LocaleAndCurrency(string locale, string currency)
    {
        if (!Locales.IsSupported(locale))
        {
            return Error.Invalid($"Locale must be one of {string.Join(", ", Locales.Supported)}.", "locale");
        }

        return Currencies.IsSupported(currency)
            ? null
            : Error.Invalid($"Currency must be one of {string.Join(", ", Currencies.Supported)}.", "currency");
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
