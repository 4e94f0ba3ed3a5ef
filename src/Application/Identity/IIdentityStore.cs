using CodeScan.Domain.Common;
using CodeScan.Domain.Identity;

namespace CodeScan.Application.Identity;

/// <summary>
/// Locking reads of identity rows: the row stays locked until the unit of work ends, so concurrent
/// attempts on one code or one refresh token take turns and each sees the one before it.
/// </summary>
public interface IIdentityStore
{
    /// <summary>The phone's most recent challenge, locked and tracked; null when none was ever sent.</summary>
    Task<SignInChallenge?> LockLatestChallengeAsync(PhoneNumber phone, CancellationToken cancellationToken);

    /// <summary>The refresh token with this hash, locked and tracked; null when unknown.</summary>
    Task<RefreshToken?> LockRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken);
}
