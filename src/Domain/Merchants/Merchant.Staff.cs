using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>The owner's staff: cashiers and analysts added and removed.</summary>
public sealed partial class Merchant
{
    public const int MaxAnalysts = 20;

    public Result<MerchantStaffMember> AddCashier(UserId cashierId, UserId ownerId, DateTimeOffset now)
    {
        var added = Add(cashierId, StaffRole.Cashier, MaxCashiers, ownerId, now);
        if (added.IsSuccess)
        {
            Record(new CashierAdded(Id, cashierId, ownerId, now));
        }

        return added;
    }

    public Result<UserId> RemoveCashier(UserId cashierId, UserId ownerId, DateTimeOffset now)
    {
        var removed = Remove(cashierId, StaffRole.Cashier, "The cashier", ownerId, now);
        if (removed.IsSuccess)
        {
            Record(new CashierRemoved(Id, cashierId, ownerId, now));
        }

        return removed;
    }

    /// <summary>Lets someone read the merchant's reports, and nothing else.</summary>
    public Result<MerchantStaffMember> AddAnalyst(UserId analystId, UserId ownerId, DateTimeOffset now)
    {
        var added = Add(analystId, StaffRole.Analyst, MaxAnalysts, ownerId, now);
        if (added.IsSuccess)
        {
            Record(new AnalystAdded(Id, analystId, ownerId, now));
        }

        return added;
    }

    public Result<UserId> RemoveAnalyst(UserId analystId, UserId ownerId, DateTimeOffset now)
    {
        var removed = Remove(analystId, StaffRole.Analyst, "The analyst", ownerId, now);
        if (removed.IsSuccess)
        {
            Record(new AnalystRemoved(Id, analystId, ownerId, now));
        }

        return removed;
    }

    /// <summary>One person holds one role at a merchant at a time.</summary>
    private Result<MerchantStaffMember> Add(UserId userId, StaffRole role, int max, UserId ownerId, DateTimeOffset now)
    {
        if (_staff.Any(s => s.UserId == userId && s.IsActive))
        {
            return new Error(ErrorCode.InvalidStateTransition, "This person is already on the staff.", "phone");
        }

        if (_staff.Count(s => s.Role == role && s.IsActive) >= max)
        {
            return new Error(ErrorCode.InvalidInput, $"A merchant has at most {max} {role.ToString().ToLowerInvariant()}s.", "phone");
        }

        var member = MerchantStaffMember.Create(userId, role, ownerId, now);
        _staff.Add(member);
        Version++;
        return member;
    }

    private Result<UserId> Remove(UserId userId, StaffRole role, string what, UserId ownerId, DateTimeOffset now)
    {
        var member = _staff.FirstOrDefault(s => s.UserId == userId && s.Role == role && s.IsActive);
        if (member is null)
        {
            return Error.NotFound(what, "phone");
        }

        member.Remove(ownerId, now);
        Version++;
        return userId;
    }
}
