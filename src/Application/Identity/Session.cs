using CodeScan.Application.Users.GetMe;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Identity;

/// <summary>What a client holds after signing in: a short-lived access token and a rotating refresh token.</summary>
public sealed record Session(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    UserDto User);

/// <summary>
/// The answer of a command whose refusal must still be committed. The unit of work rolls back every
/// failed <c>Outcome</c>, but a wrong code has to use up an attempt and a reused refresh token has to
/// revoke its family — so these commands return a successful outcome carrying either the session or
/// the refusal, and the GraphQL layer turns the refusal into a payload error. (Recording attempts in a
/// second transaction was the alternative; it would let a crash between the two lose an attempt, and
/// handlers never save.)
/// </summary>
public sealed record SessionVerdict(Session? Session, Error? Refusal)
{
    public static SessionVerdict Granted(Session session) => new(session, null);

    public static SessionVerdict Refused(Error error) => new(null, error);
}
