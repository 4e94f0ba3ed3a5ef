using CodeScan.Domain.Common;

namespace CodeScan.Domain.Identity;

/// <summary>
/// A long-lived, revocable credential that buys new access tokens. Each use rotates it: the presented
/// token is retired and a new one of the same family issued. Presenting a retired token again means it
/// leaked, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

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

    public static RefreshToken Issue(UserId userId, Guid familyId, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        FamilyId = familyId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public RefreshToken Rotate(string nextTokenHash, DateTimeOffset now)
    {
        RotatedAt = now;
        return Issue(UserId, FamilyId, nextTokenHash, now);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
