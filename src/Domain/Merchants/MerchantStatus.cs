namespace CodeScan.Domain.Merchants;

public enum MerchantStatus
{
    PendingReview,
    Approved,
    Rejected,
    Suspended,
}
