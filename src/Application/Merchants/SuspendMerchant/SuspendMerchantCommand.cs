using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Merchants.SuspendMerchant;

/// <summary>A platform admin stops an approved merchant from trading; its QR code is refused until reinstated.</summary>
public sealed record SuspendMerchantCommand(MerchantId MerchantId, string Reason) : ICommand<Outcome<MerchantDto>>, IRequirePlatformAdmin;

public sealed class SuspendMerchantHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SuspendMerchantCommand, Outcome<MerchantDto>>
{
    public ValueTask<Outcome<MerchantDto>> Handle(SuspendMerchantCommand command, CancellationToken cancellationToken) =>
        MerchantDecisions.DecideAsync(db, command.MerchantId, m => m.Suspend(currentUser.RequiredId, command.Reason, clock.GetUtcNow()), cancellationToken);
}
