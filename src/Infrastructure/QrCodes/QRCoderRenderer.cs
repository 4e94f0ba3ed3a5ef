using CodeScan.Application.QrCodes;
using QRCoder;

namespace CodeScan.Infrastructure.QrCodes;

/// <summary>
/// QRCoder at error correction level Q (25%): a sticker that is scuffed or partly covered still scans.
/// The quiet zone (4 modules on each side) is drawn, so the image can be printed as is.
/// </summary>
internal sealed class QRCoderRenderer : IQrCodeRenderer
{
    public byte[] Png(string payload, int size)
    {
        using var data = Encode(payload);
        // ModuleMatrix includes the quiet zone QRCoder reserves around the symbol.
        var modules = data.ModuleMatrix.Count;
        var pixelsPerModule = Math.Max(1, size / modules);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    public string Svg(string payload, int size)
    {
        using var data = Encode(payload);
        return new SvgQRCode(data).GetGraphic(
            new System.Drawing.Size(size, size), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private static QRCodeData Encode(string payload)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.Q);
    }
}
