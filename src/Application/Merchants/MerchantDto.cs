using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Merchants;

/// <summary>A merchant as the write model has it right now (mutation payloads read their own writes).</summary>
public sealed record MerchantDto(
    Guid Id,
    string Name,
    string Category,
    string Address,
    string ContactPhone,
    string BusinessLicenceNumber,
    string Locale,
    string Currency,
    MerchantStatus Status,
    string? MerchantCode,
    Guid OwnerId,
    DateTimeOffset AppliedAt,
    DateTimeOffset? ReviewedAt,
    IReadOnlyList<MerchantDecisionDto> Decisions,
    IReadOnlyList<StaffMemberDto> Staff,
    string TimeZone)
{
    public static MerchantDto From(Merchant merchant, IReadOnlyDictionary<Guid, string>? staffPhones = null) => new(
        merchant.Id.Value,
        merchant.Profile.Name,
        merchant.Profile.Category,
        merchant.Profile.Address,
        merchant.Profile.ContactPhone.Value,
        merchant.Profile.BusinessLicenceNumber,
        merchant.Profile.Locale,
        merchant.Profile.Currency,
        merchant.Status,
        merchant.Code?.Value,
        merchant.OwnerId.Value,
        merchant.AppliedAt,
        merchant.ReviewedAt,
        merchant.Decisions.Select(d => new MerchantDecisionDto(d.Kind, d.DecidedBy.Value, d.DecidedAt, d.Reason)).ToList(),
        merchant.Staff.Where(s => s.IsActive)
            .Select(s => new StaffMemberDto(s.UserId.Value, staffPhones?.GetValueOrDefault(s.UserId.Value), s.Role, s.AddedAt))
            .ToList(),
        merchant.TimeZone);

    /// <summary>Owner and active cashiers: who may see the merchant's contact phone (its analysts see no full phone number).</summary>
    public bool IsStaff(Guid userId) => userId == OwnerId || Staff.Any(s => s.UserId == userId && s.Role == StaffRole.Cashier);

    /// <summary>Owner, active cashiers and analysts: who may read the merchant's back-office details.</summary>
    public bool IsOnStaff(Guid userId) => userId == OwnerId || Staff.Any(s => s.UserId == userId);
}

public sealed record MerchantDecisionDto(MerchantDecisionKind Kind, Guid DecidedBy, DateTimeOffset DecidedAt, string? Reason);

public sealed record StaffMemberDto(Guid UserId, string? Phone, StaffRole Role, DateTimeOffset AddedAt);
