using CodeScan.Application.Common.Abstractions;
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
        var merchant = await db.Merchants.SingleOrDefaultAsync(m => m.Id == command.MerchantId, cancellationToken);
        if (merchant is null)
        {
            return Error.NotFound("The merchant", "merchantId");
        }

        var rotated = merchant.RotateQrCode(currentUser.RequiredId, clock.GetUtcNow());
        if (!rotated.IsSuccess)
        {
            return rotated.Error!;
        }

        return Outcome<MerchantQrCodeDto>.Ok(MerchantQrCodeDto.Of(merchant, qrCodes));
    }
}
