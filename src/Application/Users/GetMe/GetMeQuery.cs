using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Users.GetMe;

/// <summary>The signed-in user.</summary>
public sealed record GetMeQuery : IQuery<UserDto?>, IRequireSignedIn;

public sealed record UserDto(Guid Id, string Phone, bool IsPlatformAdmin);

public sealed class GetMeHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, UserDto?>
{
    public async ValueTask<UserDto?> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var id = currentUser.RequiredId;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : new UserDto(user.Id.Value, user.Phone.Value, currentUser.IsPlatformAdmin);
    }
}
