namespace CodeScan.Application.Common.Security;

/// <summary>
/// A message whose sender is limited to a number of calls per window under a named policy (configuration
/// <c>RateLimits:{Policy}</c>, 0 switches it off; the window is <c>RateLimits:Window</c>, one minute by
/// default). Counted per signed-in user.
/// </summary>
public interface IRateLimited
{
    string RateLimitPolicy { get; }
}

/// <summary>The rate-limit policies and their defaults (calls per user per minute).</summary>
public static class RateLimitPolicies
{
    /// <summary>redeem: a customer paying at tills.</summary>
    public const string Payments = "Payments";

    /// <summary>requestWriteOffCode: a customer asking for codes.</summary>
    public const string WriteOffCodes = "WriteOffCodes";

    /// <summary>writeOff and reverseRedemption: a staff member at the till (also bounds guessing codes).</summary>
    public const string TillActions = "TillActions";

    public static int DefaultPerMinute(string policy) => policy switch
    {
        Payments => 60,
        WriteOffCodes => 30,
        _ => 120,
    };
}

/// <summary>
/// Counts calls per key in fixed windows, each starting at the key's first call. With Redis configured the
/// count is shared by every API node, so N nodes allow what one would.
/// </summary>
public interface IRateLimiter
{
    /// <summary>Takes one permit for <paramref name="key"/>; false when <paramref name="permits"/> are used up in the current window.</summary>
    ValueTask<bool> TryAcquireAsync(string key, int permits, TimeSpan window, CancellationToken cancellationToken);
}
