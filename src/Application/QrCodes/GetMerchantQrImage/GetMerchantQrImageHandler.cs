using System.Text;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using Mediator;

namespace CodeScan.Application.QrCodes.GetMerchantQrImage;

public sealed class GetMerchantQrImageHandler(IApplicationDbContext db, IMerchantQrCodes qrCodes, IQrCodeRenderer renderer)
    : IQueryHandler<GetMerchantQrImageQuery, Outcome<QrImage>>
{
    public async ValueTask<Outcome<QrImage>> Handle(GetMerchantQrImageQuery query, CancellationToken cancellationToken)
    {
        var current = await MerchantQrCodeDto.CurrentAsync(db, qrCodes, query.MerchantId, cancellationToken);
        if (!current.IsSuccess)
        {
            return current.Error!;
        }

        var code = current.Value!;
        var name = $"codescan-{code.MerchantCode}-v{code.Version}";
        return Outcome<QrImage>.Ok(query.Format == QrImageFormat.Png
            ? new QrImage(renderer.Png(code.Payload, query.Size), "image/png", name + ".png")
            : new QrImage(Encoding.UTF8.GetBytes(renderer.Svg(code.Payload, query.Size)), "image/svg+xml", name + ".svg"));
    }
}
