using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.QrCodes.GetMerchantQrImage;

public enum QrImageFormat
{
    Png,
    Svg,
}

/// <summary>The merchant's current QR code as a printable image, for its staff.</summary>
public sealed record GetMerchantQrImageQuery(MerchantId MerchantId, QrImageFormat Format, int Size)
    : IQuery<Outcome<QrImage>>, IRequireMerchantStaff
{
    public const int MinSize = 256;
    public const int MaxSize = 2048;
    public const int DefaultSize = 1024;
}

public sealed record QrImage(byte[] Content, string ContentType, string FileName);
