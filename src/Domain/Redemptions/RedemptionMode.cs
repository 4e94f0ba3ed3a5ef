namespace CodeScan.Domain.Redemptions;

public enum RedemptionMode
{
    StoredValue,
}
