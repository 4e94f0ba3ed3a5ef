using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;

namespace CodeScan.Domain.Tests.Builders;

/// <summary>
/// The raw fields of a merchant application. Start from <see cref="Valid"/> and change one field with
/// <c>with</c>, so each test says only what it is about.
/// </summary>
internal sealed record ProfileInput(
    string? Name,
    string? ContactPhone,
    string? BusinessLicenceNumber,
    string? Address,
    string? Category,
    string? Locale,
    string? Currency)
{
    public static ProfileInput Valid { get; } = new(
        "Lucky Noodles",
        "13812345678",
        "91310000MA1K0001",
        "1 Nanjing Road, Shanghai",
        "Restaurant",
        null,
        null);

    public Result<MerchantProfile> Create() =>
        MerchantProfile.Create(Name, ContactPhone, BusinessLicenceNumber, Address, Category, Locale, Currency);
}
