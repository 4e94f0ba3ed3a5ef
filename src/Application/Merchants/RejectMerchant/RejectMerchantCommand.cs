using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Merchants.RejectMerchant;

/// <summary>A platform admin turns an application down, saying why; the applicant may correct and apply again.</summary>
public sealed record RejectMerchantCommand(MerchantId MerchantId, string Reason) : ICommand<Outcome<MerchantDto>>, IRequirePlatformAdmin;

public sealed class RejectMerchantHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RejectMerchantCommand, Outcome<MerchantDto>>
{
    public ValueTask<Outcome<MerchantDto>> Handle(RejectMerchantCommand command, CancellationToken cancellationToken) =>
        MerchantDecisions.DecideAsync(db, command.MerchantId, m => m.Reject(currentUser.RequiredId, command.Reason, clock.GetUtcNow()), cancellationToken);
}
