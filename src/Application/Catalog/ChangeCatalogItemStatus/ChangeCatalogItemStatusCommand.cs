using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Catalog.ChangeCatalogItemStatus;

public enum CatalogAction
{
    Pause,
    Resume,
    Archive,
}

/// <summary>
/// The owner pauses, resumes or archives a catalog item. Instruments already issued keep their terms and
/// stay usable; only new sales stop.
/// </summary>
public sealed record ChangeCatalogItemStatusCommand(MerchantId MerchantId, Guid ItemId, CatalogAction Action)
    : ICommand<Outcome<CatalogItemStatusChanged>>, IRequireMerchantOwner;

public sealed record CatalogItemStatusChanged(Guid ItemId, string ItemType, CatalogItemStatus Status);

public sealed class ChangeCatalogItemStatusHandler(IApplicationDbContext db) : ICommandHandler<ChangeCatalogItemStatusCommand, Outcome<CatalogItemStatusChanged>>
{
    public async ValueTask<Outcome<CatalogItemStatusChanged>> Handle(ChangeCatalogItemStatusCommand command, CancellationToken cancellationToken)
    {
        CatalogItem? item =
            await db.CardProducts.SingleOrDefaultAsync(i => i.Id == command.ItemId && i.MerchantId == command.MerchantId, cancellationToken) as CatalogItem
            ?? await db.CouponTemplates.SingleOrDefaultAsync(i => i.Id == command.ItemId && i.MerchantId == command.MerchantId, cancellationToken) as CatalogItem
            ?? await db.RechargePlans.SingleOrDefaultAsync(i => i.Id == command.ItemId && i.MerchantId == command.MerchantId, cancellationToken);
        if (item is null)
        {
            return Error.NotFound("The catalog item", "itemId");
        }

        var changed = command.Action switch
        {
            CatalogAction.Pause => item.Pause(),
            CatalogAction.Resume => item.Resume(),
            _ => item.Archive(),
        };
        return changed.IsSuccess
            ? Outcome<CatalogItemStatusChanged>.Ok(new CatalogItemStatusChanged(item.Id, item.GetType().Name, changed.Value))
            : changed.Error!;
    }
}
