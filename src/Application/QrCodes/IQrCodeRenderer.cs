namespace CodeScan.Application.QrCodes;

/// <summary>Draws a QR code for print, with its quiet zone.</summary>
public interface IQrCodeRenderer
{
    /// <summary>A black-on-white PNG at most <paramref name="size"/> pixels wide (whole pixels per module).</summary>
    byte[] Png(string payload, int size);

    /// <summary>A scalable SVG drawn on a <paramref name="size"/>-unit canvas.</summary>
    string Svg(string payload, int size);
}
