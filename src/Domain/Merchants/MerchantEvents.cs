using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

public sealed record MerchantRegistered(
    MerchantId MerchantId,
    UserId OwnerId,
    string Name,
    string Category,
    string Locale,
    string Currency,
    DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record MerchantApproved(MerchantId MerchantId, string MerchantCode, UserId ApprovedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record MerchantRejected(MerchantId MerchantId, UserId RejectedBy, string Reason, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record MerchantResubmitted(MerchantId MerchantId, string Name, string Category, string Locale, string Currency, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record MerchantSuspended(MerchantId MerchantId, UserId SuspendedBy, string Reason, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record MerchantReinstated(MerchantId MerchantId, UserId ReinstatedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record MerchantQrCodeRotated(MerchantId MerchantId, int QrVersion, UserId RotatedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record CashierAdded(MerchantId MerchantId, UserId CashierId, UserId AddedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record CashierRemoved(MerchantId MerchantId, UserId CashierId, UserId RemovedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record MerchantTimeZoneChanged(MerchantId MerchantId, string TimeZone, UserId ChangedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record AnalystAdded(MerchantId MerchantId, UserId AnalystId, UserId AddedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record AnalystRemoved(MerchantId MerchantId, UserId AnalystId, UserId RemovedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}
