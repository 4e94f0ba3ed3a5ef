using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Users;

/// <summary>
/// Finds people by mobile number, registering a number the first time anyone uses it (signing in, a
/// counter recharge or issuance, being added as a cashier). Serialised per number, so two first requests
/// at once register one user instead of failing on the unique index.
/// </summary>
public sealed class UserDirectory(IApplicationDbContext db, IKeyedLocks locks)
{
    public async Task<User> FindOrRegisterAsync(PhoneNumber phone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Phone == phone, cancellationToken);
        if (user is not null)
        {
            return user;
        }

        await locks.LockAsync(["user:" + phone.Value], cancellationToken);
        user = await db.Users.SingleOrDefaultAsync(u => u.Phone == phone, cancellationToken);
        if (user is null)
        {
            user = User.Register(phone, now);
            db.Users.Add(user);
        }

        return user;
    }
}
