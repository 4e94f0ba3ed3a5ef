using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.QrCodes;
using CodeScan.Application.QrCodes.RotateMerchantQrCode;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.QrCodes;

/// <summary><c>rotateMerchantQrCode</c>: the owner issues a new QR code version (Application/QrCodes/RotateMerchantQrCode).</summary>
public sealed class RotateMerchantQrCode : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RotateMerchantQrCodePayloadType>>("rotateMerchantQrCode")
            .Allow(Access.MerchantOwner)
            .Description("The merchant's owner: issue a new QR code version; every earlier print is refused from now on.")
            .Argument<NonNullGraphType<RotateMerchantQrCodeInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RotateMerchantQrCodeInput>("input");
                var outcome = await ctx.Send(new RotateMerchantQrCodeCommand(GlobalId.ToMerchantId(input.MerchantId)));
                return outcome.ToPayload(q => q);
            });
}

public sealed record RotateMerchantQrCodeInput(string MerchantId);

public sealed class RotateMerchantQrCodeInputType : InputObjectGraphType<RotateMerchantQrCodeInput>
{
    public RotateMerchantQrCodeInputType()
    {
        Name = "RotateMerchantQrCodeInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
    }
}

public sealed class RotateMerchantQrCodePayloadType() : PayloadType<MerchantQrCodeDto, MerchantQrCodeType>("RotateMerchantQrCodePayload", "qrCode");
