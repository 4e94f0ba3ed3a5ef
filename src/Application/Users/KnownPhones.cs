using System.Collections.Concurrent;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Users;

/// <summary>
/// The mobile number of each user this node has looked up. A user is never deleted and never changes number
/// (a new number is a new user), so a payment need not read the user again to put the masked number in its
/// alert. Only users found are remembered.
/// </summary>
public sealed class KnownPhones
{
    /// <summary>Past this many, start again: a bound on memory, not a correctness limit.</summary>
    private const int Capacity = 1_000_000;

    private readonly ConcurrentDictionary<UserId, PhoneNumber> _phones = new();

    public async Task<PhoneNumber?> OfAsync(IApplicationDbContext db, UserId userId, CancellationToken cancellationToken)
    {
        if (_phones.TryGetValue(userId, out var known))
        {
            return known;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Phone }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        if (_phones.Count >= Capacity)
        {
            _phones.Clear();
        }

        _phones[userId] = user.Phone;
        return user.Phone;
    }
}
