namespace CodeScan.Infrastructure.Security;

/// <summary>Configuration section "Jwt".</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>The development key. The service refuses to start with it outside Development.</summary>
    public const string DevelopmentSigningKey = "codescan-development-signing-key-not-for-production-use-0123456789";

    public string SigningKey { get; set; } = DevelopmentSigningKey;

    public string Issuer { get; set; } = "codescan";

    public string Audience { get; set; } = "codescan-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
