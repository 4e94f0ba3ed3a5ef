using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Merchants.ResubmitMerchantApplication;

/// <summary>The applicant corrects a rejected application and sends it for review again.</summary>
public sealed record ResubmitMerchantApplicationCommand(
    MerchantId MerchantId,
    string Name,
    string ContactPhone,
    string BusinessLicenceNumber,
    string Address,
    string Category,
    string? Locale,
    string? Currency) : ICommand<Outcome<MerchantDto>>, IRequireMerchantOwner;

public sealed class ResubmitMerchantApplicationHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ResubmitMerchantApplicationCommand, Outcome<MerchantDto>>
{
    public ValueTask<Outcome<MerchantDto>> Handle(ResubmitMerchantApplicationCommand command, CancellationToken cancellationToken)
    {
        var profile = MerchantProfile.Create(
            command.Name, command.ContactPhone, command.BusinessLicenceNumber, command.Address, command.Category, command.Locale, command.Currency);
        if (!profile.IsSuccess)
        {
            return ValueTask.FromResult<Outcome<MerchantDto>>(profile.Error!);
        }

        return MerchantDecisions.DecideAsync(db, command.MerchantId, m => m.Resubmit(currentUser.RequiredId, profile.Value!, clock.GetUtcNow()), cancellationToken);
    }
}
