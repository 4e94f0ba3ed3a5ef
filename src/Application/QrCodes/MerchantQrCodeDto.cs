using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.QrCodes;

/// <summary>A merchant's current QR code: what to print and which version it is.</summary>
public sealed record MerchantQrCodeDto(Guid MerchantId, string MerchantCode, int Version, string Payload)
{
    public static MerchantQrCodeDto Of(Merchant merchant, IMerchantQrCodes qrCodes) =>
        new(merchant.Id.Value, merchant.Code!.Value, merchant.QrVersion, qrCodes.PayloadFor(merchant.Code, merchant.QrVersion));

    /// <summary>The current code of a merchant that authorization has already found; refused before approval.</summary>
    public static async Task<Outcome<MerchantQrCodeDto>> CurrentAsync(
        IApplicationDbContext db, IMerchantQrCodes qrCodes, MerchantId merchantId, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == merchantId, cancellationToken);
        return merchant.Code is null
            ? new Error(ErrorCode.MerchantNotApproved, "The merchant gets its QR code when it is approved.", "merchantId")
            : Outcome<MerchantQrCodeDto>.Ok(Of(merchant, qrCodes));
    }
}
