using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Issuance;

/// <summary>Sells a card from a card product: cards are always bought, never claimed.</summary>
public sealed class CardIssuer(IApplicationDbContext db, ILedger ledger)
{
    public async Task<Result<IssuedInstrument>> IssueAsync(Merchant merchant, IssueRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var product = await CatalogShelf.FindAsync(db.CardProducts, merchant.Id, request.Item.ItemId, cancellationToken);
        if (product is null)
        {
            return CatalogShelf.UnknownItem("card product");
        }

        if (CatalogShelf.SellableError(product, product.Validity, now) is { } error)
        {
            return error;
        }

        if (request.Source == IssueSource.FreeClaim)
        {
            return Error.Invalid("Cards are sold, not claimed: buy it with `purchase`.", "item");
        }

        var card = Card.Issue(product, request.CustomerId, request.Source, request.OrderId, request.StaffId, now, await CustomerPhones.MaskedAsync(db, request.CustomerId, cancellationToken), product.Price);
        await SaleLedger.PostAsync(ledger, merchant, card.Id, TransferKind.CardSale, product.Price, now, cancellationToken);
        db.Cards.Add(card);

        // Times-card uses live on the card (UsesGranted) for now; a unit account per card is future work (ADR 0007).
        return new IssuedInstrument(
            InstrumentKind.Card, card.Id, merchant.Id.Value, request.CustomerId.Value, card.Name, product.Price, 0, product.Currency,
            request.Source, card.ValidFrom, card.ExpiresAt, card.UsesGranted, card.PayRateBasisPoints, now);
    }
}
