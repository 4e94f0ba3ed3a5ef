using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Merchants;

/// <summary>A merchant as the write model has it right now (mutation payloads read their own writes).</summary>
public sealed record MerchantDto(
    Guid Id,
    string Name,
    string Category,
    string Address,
    string Locale,
    string Currency,
    MerchantStatus Status,
    string? MerchantCode,
    Guid OwnerId,
    DateTimeOffset AppliedAt,
    DateTimeOffset? ReviewedAt)
{
    public static MerchantDto From(Merchant merchant) => new(
        merchant.Id.Value,
        merchant.Profile.Name,
        merchant.Profile.Category,
        merchant.Profile.Address,
        merchant.Profile.Locale,
        merchant.Profile.Currency,
        merchant.Status,
        merchant.Code?.Value,
        merchant.OwnerId.Value,
        merchant.AppliedAt,
        merchant.ReviewedAt);
}
