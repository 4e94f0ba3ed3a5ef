namespace CodeScan.Application.Redemptions;

/// <summary>Configuration section "Redemptions".</summary>
public sealed class RedemptionOptions
{
    public const string Section = "Redemptions";

    /// <summary>How long after a payment staff may still reverse it.</summary>
    public TimeSpan ReversalWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a write-off code the customer's app shows stays valid.</summary>
    public TimeSpan WriteOffCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
