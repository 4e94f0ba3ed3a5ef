namespace CodeScan.Domain.Instruments;

/// <summary>How an instrument reached the customer: a paid order, a free claim, or staff at the counter.</summary>
public enum IssueSource
{
    PaidOrder,
    FreeClaim,
    Counter,
}
