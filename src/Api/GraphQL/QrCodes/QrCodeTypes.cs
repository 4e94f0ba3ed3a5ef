using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.QrCodes;
using CodeScan.Application.QrCodes.ScanMerchant;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.QrCodes;

public sealed class ScanMerchantResultType : ObjectGraphType<Payload<ScanMerchantResult>>
{
    public ScanMerchantResultType()
    {
        Name = "ScanMerchantResult";
        Description = "A verified merchant QR code: the merchant and what the signed-in customer holds there; or why the code was refused.";
        Field<MerchantType>("merchant").Resolve(ctx => ctx.Source.Result?.Merchant);
        Field<WalletType>("wallet").Description("The caller's holdings at this merchant (read model).").Resolve(ctx => ctx.Source.Result?.Wallet);
        Field<Redemptions.QuoteType>("quote").Description("With `amount`: the best combination of membership discount, coupon and stored value for that bill.").Resolve(ctx => ctx.Source.Result?.Quote);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("QR_CODE_MALFORMED, QR_CODE_SIGNATURE_INVALID, QR_CODE_OUTDATED, MERCHANT_SUSPENDED, MERCHANT_NOT_APPROVED or NOT_FOUND.")
            .Resolve(ctx => ctx.Source.Errors);
    }
}

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

public sealed class RotateMerchantQrCodeInputType : InputObjectGraphType
{
    public RotateMerchantQrCodeInputType()
    {
        Name = "RotateMerchantQrCodeInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
    }
}

public sealed class RotateMerchantQrCodePayloadType() : PayloadType<MerchantQrCodeDto, MerchantQrCodeType>("RotateMerchantQrCodePayload", "qrCode");

/// <summary>The HTTP paths of a merchant's QR images (see Endpoints/QrCodeEndpoints).</summary>
public static class QrImagePaths
{
    public static string Png(Guid merchantId) => $"/merchants/{GlobalId.Encode(MerchantType.TypeName, merchantId)}/qr.png";

    public static string Svg(Guid merchantId) => $"/merchants/{GlobalId.Encode(MerchantType.TypeName, merchantId)}/qr.svg";
}
