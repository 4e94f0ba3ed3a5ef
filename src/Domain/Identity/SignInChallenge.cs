using CodeScan.Domain.Common;

namespace CodeScan.Domain.Identity;

public enum SignInChallengeStatus
{
    Pending,
    Used,

    /// <summary>Too many wrong codes: the code can no longer be used.</summary>
    Burned,

    /// <summary>A newer code was sent to the same number.</summary>
    Superseded,
}

/// <summary>
/// A one-time code sent by SMS. Only a hash of the code is kept; it expires after five minutes (unless
/// configured otherwise) and allows five attempts.
/// </summary>
public sealed class SignInChallenge
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// The one answer to every failed sign-in: no code sent, expired, used, superseded, burned, wrong. It says
    /// nothing about the number (known or not, ever sent a code or not) nor about the attempts left.
    /// </summary>
    public static readonly Error Refused = new(ErrorCode.SignInCodeInvalid, "The code is not valid. Check it, or request a new one.", "code");
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private SignInChallenge()
    {
        Phone = null!;
        CodeHash = null!;
        ClientAddress = null!;
    }

    public Guid Id { get; private set; }

    public PhoneNumber Phone { get; private set; }

    public string CodeHash { get; private set; }

    /// <summary>Where the request came from, for per-address rate limits.</summary>
    public string ClientAddress { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public SignInChallengeStatus Status { get; private set; }

    public static SignInChallenge Issue(PhoneNumber phone, string codeHash, string clientAddress, DateTimeOffset now, TimeSpan? lifetime = null) => new()
    {
        Id = NewId.Next(),
        Phone = phone,
        CodeHash = codeHash,
        ClientAddress = clientAddress.Length > 64 ? clientAddress[..64] : clientAddress,
        CreatedAt = now,
        ExpiresAt = now + (lifetime is { } l && l > TimeSpan.Zero ? l : DefaultLifetime),
        Status = SignInChallengeStatus.Pending,
    };

    /// <summary>
    /// Checks a code against this challenge. A wrong code uses up an attempt; the fifth wrong code burns
    /// the challenge. The hashes are compared by the caller in constant time and passed in as a verdict. Every
    /// refusal is <see cref="Refused"/>: the reason is for the log, not for whoever holds the number.
    /// </summary>
    public Result<SignInChallengeStatus> Verify(bool codeMatches, DateTimeOffset now)
    {
        if (Status != SignInChallengeStatus.Pending || now >= ExpiresAt)
        {
            return Refused;
        }

        if (!codeMatches)
        {
            Attempts++;
            if (Attempts >= MaxAttempts)
            {
                Status = SignInChallengeStatus.Burned;
            }

            return Refused;
        }

        Status = SignInChallengeStatus.Used;
        return Status;
    }

    public void Supersede()
    {
        if (Status == SignInChallengeStatus.Pending)
        {
            Status = SignInChallengeStatus.Superseded;
        }
    }
}
