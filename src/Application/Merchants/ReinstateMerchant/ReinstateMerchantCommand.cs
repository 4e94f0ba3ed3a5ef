using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Merchants.ReinstateMerchant;

/// <summary>A platform admin lets a suspended merchant trade again.</summary>
public sealed record ReinstateMerchantCommand(MerchantId MerchantId) : ICommand<Outcome<MerchantDto>>, IRequirePlatformAdmin;

public sealed class ReinstateMerchantHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReinstateMerchantCommand, Outcome<MerchantDto>>
{
    public ValueTask<Outcome<MerchantDto>> Handle(ReinstateMerchantCommand command, CancellationToken cancellationToken) =>
        MerchantDecisions.DecideAsync(db, command.MerchantId, m => m.Reinstate(currentUser.RequiredId, clock.GetUtcNow()), cancellationToken);
}
