using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Catalog.DefineCardProduct;

/// <summary>The owner puts a times card (N uses) or a membership card (a discount) on sale.</summary>
public sealed record DefineCardProductCommand(
    MerchantId MerchantId,
    CardKind Kind,
    string Name,
    long Price,
    int? Uses,
    int? PayRateBasisPoints,
    int? ValidityDays,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil) : ICommand<Outcome<CardProductDto>>, IRequireMerchantOwner;

public sealed class DefineCardProductHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<DefineCardProductCommand, Outcome<CardProductDto>>
{
    public async ValueTask<Outcome<CardProductDto>> Handle(DefineCardProductCommand command, CancellationToken cancellationToken)
    {
        var merchant = await CatalogMerchant.FindAsync(db, command.MerchantId, cancellationToken);
        if (!merchant.IsSuccess)
        {
            return merchant.Error!;
        }

        var validity = Validity.Create(command.ValidityDays, command.ValidFrom, command.ValidUntil);
        if (!validity.IsSuccess)
        {
            return validity.Error!;
        }

        var now = clock.GetUtcNow();
        var currency = merchant.Value!.Currency;
        var product = command.Kind switch
        {
            CardKind.TimesCard when command.Uses is { } uses => CardProduct.DefineTimesCard(command.MerchantId, currency, command.Name, command.Price, uses, validity.Value!, now),
            CardKind.TimesCard => Error.Invalid("A times card needs its number of uses.", "uses"),
            _ when command.PayRateBasisPoints is { } rate => CardProduct.DefineMembershipCard(command.MerchantId, currency, command.Name, command.Price, rate, validity.Value!, now),
            _ => Error.Invalid("A membership card needs the share of the bill the member pays.", "payRateBasisPoints"),
        };
        if (!product.IsSuccess)
        {
            return product.Error!;
        }

        db.CardProducts.Add(product.Value!);
        return Outcome<CardProductDto>.Ok(CardProductDto.From(product.Value!));
    }
}
