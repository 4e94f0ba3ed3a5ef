using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Merchants.ApproveMerchant;

public sealed class ApproveMerchantHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IMerchantCodeGenerator codes,
    TimeProvider clock) : ICommandHandler<ApproveMerchantCommand, Outcome<MerchantDto>>
{
    public async ValueTask<Outcome<MerchantDto>> Handle(ApproveMerchantCommand command, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToChangeAsync(command.MerchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        var code = await codes.NextAsync(cancellationToken);
        var approved = merchant.Approve(currentUser.RequiredId, code, clock.GetUtcNow());
        return approved.IsSuccess ? Outcome<MerchantDto>.Ok(await db.ToDtoAsync(merchant, cancellationToken)) : approved.Error!;
    }
}
