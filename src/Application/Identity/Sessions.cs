using CodeScan.Application.Common.Security;
using CodeScan.Application.Users.GetMe;
using CodeScan.Domain.Identity;
using CodeScan.Domain.Users;

namespace CodeScan.Application.Identity;

/// <summary>Issues the access token for a user and pairs it with a refresh token.</summary>
internal static class Sessions
{
    public static Session Create(
        User user,
        string refreshToken,
        RefreshToken stored,
        PlatformOptions platform,
        IAccessTokens accessTokens,
        IAccessTokenLifetime lifetime,
        DateTimeOffset now)
    {
        var isAdmin = platform.IsAdmin(user.Phone);
        var roles = isAdmin ? new[] { Roles.Customer, Roles.PlatformAdmin } : new[] { Roles.Customer };
        var accessToken = accessTokens.Issue(user.Id.Value, user.Phone.Value, roles, stored.FamilyId);
        return new Session(
            accessToken,
            now + lifetime.AccessTokenLifetime,
            refreshToken,
            stored.ExpiresAt,
            new UserDto(user.Id.Value, user.Phone.Value, isAdmin));
    }
}
