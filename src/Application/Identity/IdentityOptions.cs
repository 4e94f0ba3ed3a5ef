using CodeScan.Domain.Identity;

namespace CodeScan.Application.Identity;

/// <summary>Configuration section "Identity": one-time codes, refresh tokens and sign-in rate limits.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The development pepper for code hashes. The service refuses to start with it outside Development.</summary>
    public const string DevelopmentCodePepper = "codescan-development-code-pepper-not-for-production-use-0123456789";

    /// <summary>HMAC-SHA256 key for one-time code hashes; at least 32 characters.</summary>
    public string CodePepper { get; set; } = DevelopmentCodePepper;

    public TimeSpan CodeLifetime { get; set; } = SignInChallenge.DefaultLifetime;

    public TimeSpan RefreshTokenLifetime { get; set; } = RefreshToken.DefaultLifetime;

    public SignInRateLimits RateLimits { get; set; } = new();
}

/// <summary>
/// Counted from the stored challenges, so every API node sees the same counts. The defaults are strict;
/// a zero interval or limit switches that rule off.
/// </summary>
public sealed class SignInRateLimits
{
    /// <summary>At most one code per phone within this interval.</summary>
    public TimeSpan PhoneInterval { get; set; } = TimeSpan.FromSeconds(60);

    public int PhonePerHour { get; set; } = 5;

    public int AddressPerHour { get; set; } = 20;
}
