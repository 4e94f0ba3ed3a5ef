using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Wallets;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Issuance;

/// <summary>Credits stored value from a recharge plan, paid by an order or recorded by staff at the counter.</summary>
public sealed class RechargeIssuer(IApplicationDbContext db, ILedger ledger)
{
    public async Task<Result<IssuedInstrument>> IssueAsync(Merchant merchant, IssueRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = await CatalogShelf.FindAsync(db.RechargePlans, merchant.Id, request.Item.ItemId, cancellationToken);
        if (plan is null)
        {
            return CatalogShelf.UnknownItem("recharge plan");
        }

        if (request.Source == IssueSource.FreeClaim)
        {
            return Error.Invalid("Stored value is bought, not claimed.", "item");
        }

        var amount = request.Item.Amount ?? 0;
        var bonus = plan.BonusFor(amount);
        if (!bonus.IsSuccess)
        {
            return bonus.Error!;
        }

        // Find also sees a customer registered earlier in this unit of work (a new number at the counter).
        var customer = await db.Users.FindAsync([request.CustomerId], cancellationToken);
        if (customer is null)
        {
            return Error.NotFound("The customer", "customerId");
        }

        var recharge = NewRecharge(merchant, customer.Id, request, amount, bonus.Value, now);
        if (!recharge.IsSuccess)
        {
            return recharge.Error!;
        }

        var value = recharge.Value!;
        await RechargeLedger.CreditAsync(db, ledger, merchant, customer, value, cancellationToken);

        return new IssuedInstrument(
            InstrumentKind.StoredValue, value.Id, merchant.Id.Value, customer.Id.Value, plan.Name, value.Amount, value.Bonus, value.Currency,
            request.Source, null, null, null, null, now);
    }

    /// <summary>The recharge, paid by an order or recorded by staff at the counter.</summary>
    private static Result<Recharge> NewRecharge(Merchant merchant, UserId customerId, IssueRequest request, long amount, long bonus, DateTimeOffset now) =>
        request.OrderId is { } orderId
            ? Recharge.ForPaidOrder(merchant, customerId, orderId, new Money(amount, merchant.Currency), new Money(bonus, merchant.Currency), now)
            : Recharge.AtCounter(
                merchant, customerId, request.StaffId ?? throw new InvalidOperationException("A recharge is either paid by an order or recorded by staff."),
                new Money(amount, merchant.Currency), new Money(bonus, merchant.Currency), now);
}
