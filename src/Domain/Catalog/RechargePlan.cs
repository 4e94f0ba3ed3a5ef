using CodeScan.Domain.Common;

namespace CodeScan.Domain.Catalog;

/// <summary>
/// "Pay X, get Y": every full X of a recharge earns Y of bonus, for recharges between a minimum and a
/// maximum. Pay 100 get 20 with minimum 100: a recharge of 250 earns 40.
/// </summary>
public sealed class RechargePlan : CatalogItem
{
    private RechargePlan()
    {
    }

    public long PayEvery { get; private set; }

    public long BonusEach { get; private set; }

    public long MinAmount { get; private set; }

    public long MaxAmount { get; private set; }

    public static Result<RechargePlan> Define(MerchantId merchantId, string currency, string? name, long payEvery, long bonusEach, long minAmount, long maxAmount, DateTimeOffset now)
    {
        if (ValidateName(name) is { } nameError)
        {
            return nameError;
        }

        if (payEvery < 1 || payEvery > Money.MaxAmountMinorUnits)
        {
            return new Error(ErrorCode.AmountOutOfRange, "'payEvery' must be greater than 0 and within the limit.", "payEvery");
        }

        if (bonusEach < 0 || bonusEach > payEvery)
        {
            return new Error(ErrorCode.AmountOutOfRange, "'bonusEach' must be between 0 and 'payEvery'.", "bonusEach");
        }

        if (minAmount < 1 || maxAmount > Money.MaxAmountMinorUnits || minAmount > maxAmount)
        {
            return new Error(ErrorCode.AmountOutOfRange, "The minimum must be at least 1 and not above the maximum, which is within the limit.", "minAmount");
        }

        var plan = new RechargePlan
        {
            Id = NewId.Next(),
            MerchantId = merchantId,
            Name = name!.Trim(),
            Currency = currency,
            Status = CatalogItemStatus.Active,
            CreatedAt = now,
            PayEvery = payEvery,
            BonusEach = bonusEach,
            MinAmount = minAmount,
            MaxAmount = maxAmount,
        };
        plan.Record(new RechargePlanDefined(plan.Id, merchantId, plan.Name, payEvery, bonusEach, minAmount, maxAmount, currency, now));
        return plan;
    }

    /// <summary>The bonus a recharge of <paramref name="amount"/> earns, or why it is not allowed.</summary>
    public Result<long> BonusFor(long amount)
    {
        if (!IsOnSale)
        {
            return new Error(ErrorCode.InvalidStateTransition, "This recharge plan is not on offer.", "item");
        }

        if (amount < MinAmount || amount > MaxAmount)
        {
            return new Error(ErrorCode.AmountOutOfRange, $"This plan takes recharges from {MinAmount} to {MaxAmount}.", "amount");
        }

        return amount / PayEvery * BonusEach;
    }
}

public sealed record RechargePlanDefined(Guid PlanId, MerchantId MerchantId, string Name, long PayEvery, long BonusEach, long MinAmount, long MaxAmount, string Currency, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => PlanId.ToString();
}
