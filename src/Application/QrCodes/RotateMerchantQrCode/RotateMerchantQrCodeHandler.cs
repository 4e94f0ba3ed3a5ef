using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.QrCodes.RotateMerchantQrCode;

public sealed class RotateMerchantQrCodeHandler(
    IApplicationDbContext db,
    IMerchantQrCodes qrCodes,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RotateMerchantQrCodeCommand, Outcome<MerchantQrCodeDto>>
{
    public async ValueTask<Outcome<MerchantQrCodeDto>> Handle(RotateMerchantQrCodeCommand command, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToChangeAsync(command.MerchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        var rotated = merchant.RotateQrCode(currentUser.RequiredId, clock.GetUtcNow());
        if (!rotated.IsSuccess)
        {
            return rotated.Error!;
        }

        return Outcome<MerchantQrCodeDto>.Ok(MerchantQrCodeDto.Of(merchant, qrCodes));
    }
}
