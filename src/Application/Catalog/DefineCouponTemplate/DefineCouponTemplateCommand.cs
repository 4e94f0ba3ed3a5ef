using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Catalog.DefineCouponTemplate;

/// <summary>The owner creates a coupon: free to claim or sold, with a stock and a per-customer limit.</summary>
public sealed record DefineCouponTemplateCommand(
    MerchantId MerchantId,
    string Name,
    CouponKind Kind,
    long? AmountOff,
    int? PercentOff,
    long? Cap,
    long? Threshold,
    string? GiftName,
    long Price,
    int? ValidityDays,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    int TotalStock,
    int PerCustomerLimit) : ICommand<Outcome<CouponTemplateDto>>, IRequireMerchantOwner;

public sealed class DefineCouponTemplateHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<DefineCouponTemplateCommand, Outcome<CouponTemplateDto>>
{
    public async ValueTask<Outcome<CouponTemplateDto>> Handle(DefineCouponTemplateCommand command, CancellationToken cancellationToken)
    {
        var merchant = await CatalogMerchant.FindAsync(db, command.MerchantId, cancellationToken);
        if (!merchant.IsSuccess)
        {
            return merchant.Error!;
        }

        var terms = CouponTerms.Create(command.Kind, command.AmountOff, command.PercentOff, command.Cap, command.Threshold, command.GiftName);
        if (!terms.IsSuccess)
        {
            return terms.Error!;
        }

        var validity = Validity.Create(command.ValidityDays, command.ValidFrom, command.ValidUntil);
        if (!validity.IsSuccess)
        {
            return validity.Error!;
        }

        var template = CouponTemplate.Define(
            command.MerchantId, merchant.Value!.Currency, command.Name, terms.Value!, command.Price, validity.Value!, command.TotalStock, command.PerCustomerLimit, clock.GetUtcNow());
        if (!template.IsSuccess)
        {
            return template.Error!;
        }

        db.CouponTemplates.Add(template.Value!);
        return Outcome<CouponTemplateDto>.Ok(CouponTemplateDto.From(template.Value!));
    }
}
