using CodeScan.Domain.Common;

namespace CodeScan.Application.Common.Security;

/// <summary>The caller of the current request, as proven by its bearer token.</summary>
public interface ICurrentUser
{
    UserId? Id { get; }

    bool IsPlatformAdmin { get; }

    bool IsAuthenticated => Id is not null;

    /// <summary>The caller's id; only call after authorization has established there is one.</summary>
    UserId RequiredId => Id ?? throw new UnauthenticatedException();
}
