using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.QrCodes;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.QrCodes;

/// <summary>A merchant's QR code, as <c>merchantQrCode</c> and <c>rotateMerchantQrCode</c> show it.</summary>
public sealed class MerchantQrCodeType : ObjectGraphType<MerchantQrCodeDto>
{
    public MerchantQrCodeType()
    {
        Name = "MerchantQrCode";
        Description = "A merchant's current QR code. Rotating it voids every earlier print.";
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("merchantCode").Resolve(ctx => ctx.Source.MerchantCode);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Printed in the code; only the current version scans.").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("payload").Description("The signed URL the QR code carries.").Resolve(ctx => ctx.Source.Payload);
        Field<NonNullGraphType<StringGraphType>>("pngPath")
            .Description("Where staff download the PNG (bearer token; `?size=256..2048`).")
            .Resolve(ctx => QrImagePaths.Png(ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("svgPath")
            .Description("Where staff download the SVG (bearer token).")
            .Resolve(ctx => QrImagePaths.Svg(ctx.Source.MerchantId));
    }
}

/// <summary>The HTTP paths of a merchant's QR images (see Endpoints/QrCodeEndpoints).</summary>
public static class QrImagePaths
{
    public static string Png(Guid merchantId) => $"/merchants/{GlobalId.Encode(MerchantType.TypeName, merchantId)}/qr.png";

    public static string Svg(Guid merchantId) => $"/merchants/{GlobalId.Encode(MerchantType.TypeName, merchantId)}/qr.svg";
}
