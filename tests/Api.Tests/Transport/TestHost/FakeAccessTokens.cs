using System.Security.Claims;
using CodeScan.Application.Common.Security;

namespace CodeScan.Api.Tests.Transport.TestHost;

/// <summary>"good" is the only valid token and belongs to alice; anything else is malformed or expired.</summary>
public sealed class FakeAccessTokens : IAccessTokens
{
    public const string ValidToken = "good";
    public const string UserName = "alice";

    public string Issue(Guid userId, string phoneE164, IReadOnlyCollection<string> roles, Guid? sessionId = null)
        => throw new NotSupportedException("The transport tests only validate tokens.");

    public ClaimsPrincipal? Validate(string token)
        => token == ValidToken
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, UserName)], authenticationType: "Test"))
            : null;
}
