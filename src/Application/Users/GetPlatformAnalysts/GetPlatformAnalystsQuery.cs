using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Users.GetPlatformAnalysts;

/// <summary>Platform admins: everyone who holds the platform analyst role, by mobile number.</summary>
public sealed record GetPlatformAnalystsQuery : IQuery<IReadOnlyList<PlatformAnalystDto>>, IRequirePlatformAdmin;

public sealed class GetPlatformAnalystsHandler(IApplicationDbContext db) : IQueryHandler<GetPlatformAnalystsQuery, IReadOnlyList<PlatformAnalystDto>>
{
    public async ValueTask<IReadOnlyList<PlatformAnalystDto>> Handle(GetPlatformAnalystsQuery query, CancellationToken cancellationToken)
    {
        var analysts = await db.Users.AsNoTracking().Where(u => u.IsPlatformAnalyst).ToListAsync(cancellationToken);
        return analysts.Select(u => new PlatformAnalystDto(u.Id.Value, u.Phone.Value)).OrderBy(a => a.Phone, StringComparer.Ordinal).ToList();
    }
}
