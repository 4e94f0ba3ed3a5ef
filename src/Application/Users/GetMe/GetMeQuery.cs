using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Users.GetMe;

/// <summary>The signed-in user; <c>null</c> for an anonymous caller (a bad or expired token never gets this far).</summary>
public sealed record GetMeQuery : IQuery<UserDto?>, IAllowAnonymous;

public sealed record UserDto(Guid Id, string Phone, bool IsPlatformAdmin, bool IsPlatformAnalyst);

public sealed class GetMeHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, UserDto?>
{
    public async ValueTask<UserDto?> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } id)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : new UserDto(user.Id.Value, user.Phone.Value, currentUser.IsPlatformAdmin, user.IsPlatformAnalyst);
    }
}
