using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Catalog.DefineRechargePlan;

/// <summary>The owner offers "pay X, get Y" on stored-value recharges between a minimum and a maximum.</summary>
public sealed record DefineRechargePlanCommand(MerchantId MerchantId, string Name, long PayEvery, long BonusEach, long MinAmount, long MaxAmount)
    : ICommand<Outcome<RechargePlanDto>>, IRequireMerchantOwner;

public sealed class DefineRechargePlanHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<DefineRechargePlanCommand, Outcome<RechargePlanDto>>
{
    public async ValueTask<Outcome<RechargePlanDto>> Handle(DefineRechargePlanCommand command, CancellationToken cancellationToken)
    {
        var merchant = await CatalogMerchant.FindAsync(db, command.MerchantId, cancellationToken);
        if (!merchant.IsSuccess)
        {
            return merchant.Error!;
        }

        var plan = RechargePlan.Define(command.MerchantId, merchant.Value!.Currency, command.Name, command.PayEvery, command.BonusEach, command.MinAmount, command.MaxAmount, clock.GetUtcNow());
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        db.RechargePlans.Add(plan.Value!);
        return Outcome<RechargePlanDto>.Ok(RechargePlanDto.From(plan.Value!));
    }
}
