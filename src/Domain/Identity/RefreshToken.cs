using CodeScan.Domain.Common;

namespace CodeScan.Domain.Identity;

/// <summary>
/// A long-lived, revocable credential that buys new access tokens. Each use rotates it: the presented
/// token is retired and a new one of the same family issued. Presenting a retired token again means it
/// leaked, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    private RefreshToken()
    {
        TokenHash = null!;
    }

    public Guid Id { get; private set; }

    public UserId UserId { get; private set; }

    /// <summary>All tokens descended from one sign-in share a family.</summary>
    public Guid FamilyId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RotatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => RotatedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>Presented again after it was rotated: someone else holds a copy.</summary>
    public bool IsReused => RotatedAt is not null;

    public static RefreshToken Issue(UserId userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan? lifetime = null) => new()
    {
        Id = NewId.Next(),
        UserId = userId,
        FamilyId = familyId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + (lifetime is { } l && l > TimeSpan.Zero ? l : DefaultLifetime),
    };

    /// <summary>
    /// Trades this token for the next one of its family. Refused when the token is expired, revoked or
    /// already rotated; a rotated token presented again is reuse (<see cref="IsReused"/>), and the caller
    /// must then revoke the whole family.
    /// </summary>
    public Result<RefreshToken> Rotate(string nextTokenHash, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        if (!IsUsable(now))
        {
            return new Error(ErrorCode.RefreshTokenInvalid, "The refresh token is no longer valid. Sign in again.", "refreshToken");
        }

        RotatedAt = now;
        return Issue(UserId, FamilyId, nextTokenHash, now, lifetime);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
