using CodeScan.Domain.Common;

namespace CodeScan.Domain.Catalog;

/// <summary>What every catalog item shares: its merchant, name, price and the pause / resume / archive cycle.</summary>
public abstract class CatalogItem : AggregateRoot
{
    public const int MaxNameLength = 60;

    protected CatalogItem()
    {
        Name = null!;
        Currency = null!;
    }

    public Guid Id { get; protected set; }

    public MerchantId MerchantId { get; protected set; }

    public string Name { get; protected set; }

    /// <summary>What a customer pays, in minor units; 0 for a free coupon.</summary>
    public long Price { get; protected set; }

    public string Currency { get; protected set; }

    public CatalogItemStatus Status { get; protected set; }

    public DateTimeOffset CreatedAt { get; protected set; }

    public int Version { get; protected set; }

    public bool IsOnSale => Status == CatalogItemStatus.Active;

    public Result<CatalogItemStatus> Pause() => Move(CatalogItemStatus.Active, CatalogItemStatus.Paused);

    public Result<CatalogItemStatus> Resume() => Move(CatalogItemStatus.Paused, CatalogItemStatus.Active);

    public Result<CatalogItemStatus> Archive()
    {
        if (Status == CatalogItemStatus.Archived)
        {
            return new Error(ErrorCode.InvalidStateTransition, "The item is already archived.");
        }

        Status = CatalogItemStatus.Archived;
        Version++;
        return Status;
    }

    protected static Error? ValidateName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? Error.Invalid($"A name of 1 to {MaxNameLength} characters is required.", "name")
            : null;

    protected static Error? ValidatePrice(long price, bool mayBeFree) =>
        price < (mayBeFree ? 0 : 1) || price > Money.MaxAmountMinorUnits
            ? new Error(ErrorCode.AmountOutOfRange, mayBeFree ? "The price must be between 0 and the limit." : "The price must be greater than 0 and within the limit.", "price")
            : null;

    private Result<CatalogItemStatus> Move(CatalogItemStatus from, CatalogItemStatus to)
    {
        if (Status != from)
        {
            return new Error(ErrorCode.InvalidStateTransition, $"The item is {Status}; it cannot become {to}.");
        }

        Status = to;
        Version++;
        return Status;
    }
}
