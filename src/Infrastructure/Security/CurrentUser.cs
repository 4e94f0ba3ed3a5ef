using System.Security.Claims;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;

namespace CodeScan.Infrastructure.Security;

/// <summary>The request's caller, set by the transport from the validated token.</summary>
public sealed class CurrentUser : ICurrentUser
{
    public ClaimsPrincipal Principal { get; set; } = new(new ClaimsIdentity());

    public UserId? Id =>
        Principal.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirstValue("sub"), out var id) ? new UserId(id) : null;

    public bool IsPlatformAdmin => Id is not null && Principal.IsInRole(Roles.PlatformAdmin);
}
