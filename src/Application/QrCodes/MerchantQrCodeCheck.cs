using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.QrCodes;

/// <summary>
/// The checks every scan makes, in order: an authentic signature (no database needed), a merchant behind the
/// code, the current QR version, and a merchant that may trade. Shared by the app's scan and the landing page.
/// </summary>
public static class MerchantQrCodeCheck
{
    public static async Task<Result<Merchant>> VerifyAsync(
        this IApplicationDbContext db, Result<QrCodeClaim> read, CancellationToken cancellationToken)
    {
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var claim = read.Value!;
        var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Code == claim.Code, cancellationToken);
        if (merchant is null)
        {
            return Error.NotFound("The merchant behind this QR code");
        }

        // An older print is void whatever the merchant's state now: say so rather than reveal more.
        if (claim.Version < merchant.QrVersion)
        {
            return new Error(ErrorCode.QrCodeOutdated, "This QR code has been replaced by a newer one. Ask the merchant for the current code.");
        }

        // A validly signed version never issued: only a leaked key or a restored database produce one.
        if (claim.Version > merchant.QrVersion)
        {
            return new Error(ErrorCode.QrCodeMalformed, "This QR code was not issued by the merchant.");
        }

        return merchant.Status switch
        {
            MerchantStatus.Approved => merchant,
            MerchantStatus.Suspended => new Error(ErrorCode.MerchantSuspended, "This merchant is suspended and cannot take payments."),
            _ => new Error(ErrorCode.MerchantNotApproved, "This merchant is not approved."),
        };
    }
}
