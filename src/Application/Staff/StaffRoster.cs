using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Merchants;
using CodeScan.Application.Users;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Staff;

/// <summary>The steps every change to a merchant's staff shares: the phone, the merchant, the person.</summary>
internal static class StaffRoster
{
    /// <summary>Adds the person with this phone (registering someone not yet on the platform) in the role <paramref name="add"/> gives.</summary>
    public static async Task<Outcome<MerchantDto>> AddAsync(
        IApplicationDbContext db, UserDirectory users, MerchantId merchantId, string phone, DateTimeOffset now,
        Func<Merchant, UserId, Result<MerchantStaffMember>> add, CancellationToken cancellationToken)
    {
        var target = await PhoneAndMerchantAsync(db, merchantId, phone, cancellationToken);
        if (target.Error is { } refused)
        {
            return refused;
        }

        var (number, merchant) = target.Value;
        var person = await users.FindOrRegisterAsync(number, now, cancellationToken);
        var added = add(merchant, person.Id);
        if (!added.IsSuccess)
        {
            return added.Error!;
        }

        var dto = await db.ToDtoAsync(merchant, cancellationToken);

        // The new member may have been registered just now and is not in the database yet.
        return Outcome<MerchantDto>.Ok(dto with
        {
            Staff = dto.Staff.Select(s => s.UserId == person.Id.Value ? s with { Phone = number.Value } : s).ToList(),
        });
    }

    /// <summary>Removes the person with this phone from the role <paramref name="remove"/> takes away.</summary>
    public static async Task<Outcome<MerchantDto>> RemoveAsync(
        IApplicationDbContext db, MerchantId merchantId, string phone, string what,
        Func<Merchant, UserId, Result<UserId>> remove, CancellationToken cancellationToken)
    {
        var target = await PhoneAndMerchantAsync(db, merchantId, phone, cancellationToken);
        if (target.Error is { } refused)
        {
            return refused;
        }

        var (number, merchant) = target.Value;
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Phone == number, cancellationToken);
        if (person is null)
        {
            return Error.NotFound(what, "phone");
        }

        var removed = remove(merchant, person.Id);
        return removed.IsSuccess ? Outcome<MerchantDto>.Ok(await db.ToDtoAsync(merchant, cancellationToken)) : removed.Error!;
    }

    /// <summary>The phone, parsed, and the merchant to change: first the phone's error, then the merchant's.</summary>
    private static async Task<Result<(PhoneNumber Number, Merchant Merchant)>> PhoneAndMerchantAsync(
        IApplicationDbContext db, MerchantId merchantId, string phone, CancellationToken cancellationToken)
    {
        var number = PhoneNumber.Parse(phone);
        if (!number.IsSuccess)
        {
            return number.Error!;
        }

        var found = await db.MerchantToChangeAsync(merchantId, cancellationToken);
        return found.Error is { } notFound ? notFound : (number.Value!, found.Value!);
    }
}
