using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.QrCodes.GetMerchantQrCode;

/// <summary>The merchant's current QR code, for its staff to print. Refused before approval.</summary>
public sealed record GetMerchantQrCodeQuery(MerchantId MerchantId) : IQuery<Outcome<MerchantQrCodeDto>>, IRequireMerchantStaff;

public sealed class GetMerchantQrCodeHandler(IApplicationDbContext db, IMerchantQrCodes qrCodes)
    : IQueryHandler<GetMerchantQrCodeQuery, Outcome<MerchantQrCodeDto>>
{
    public async ValueTask<Outcome<MerchantQrCodeDto>> Handle(GetMerchantQrCodeQuery query, CancellationToken cancellationToken) =>
        await MerchantQrCodeDto.CurrentAsync(db, qrCodes, query.MerchantId, cancellationToken);
}
