using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>The owner's staff: cashiers added and removed.</summary>
public sealed partial class Merchant
{
    public Result<MerchantStaffMember> AddCashier(UserId cashierId, UserId ownerId, DateTimeOffset now)
    {
        if (_staff.Any(s => s.UserId == cashierId && s.IsActive))
        {
            return new Error(ErrorCode.InvalidStateTransition, "This person is already on the staff.", "phone");
        }

        if (_staff.Count(s => s.Role == StaffRole.Cashier && s.IsActive) >= MaxCashiers)
        {
            return new Error(ErrorCode.InvalidInput, $"A merchant has at most {MaxCashiers} cashiers.", "phone");
        }

        var member = MerchantStaffMember.Create(cashierId, StaffRole.Cashier, ownerId, now);
        _staff.Add(member);
        Version++;
        Record(new CashierAdded(Id, cashierId, ownerId, now));
        return member;
    }

    public Result<UserId> RemoveCashier(UserId cashierId, UserId ownerId, DateTimeOffset now)
    {
        var member = _staff.FirstOrDefault(s => s.UserId == cashierId && s.Role == StaffRole.Cashier && s.IsActive);
        if (member is null)
        {
            return Error.NotFound("The cashier", "phone");
        }

        member.Remove(ownerId, now);
        Version++;
        Record(new CashierRemoved(Id, cashierId, ownerId, now));
        return cashierId;
    }
}
