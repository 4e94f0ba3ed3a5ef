using CodeScan.Domain.Common;

namespace CodeScan.Domain.Redemptions;

/// <summary>What the customer (or a cashier with their write-off code) asked for at the till.</summary>
public sealed record RedemptionRequest(
    UserId CustomerId,
    RedemptionMode Mode,
    long Bill,
    int Uses,
    RestPayment Rest,
    RedemptionChannel Channel,
    UserId ActedBy);
