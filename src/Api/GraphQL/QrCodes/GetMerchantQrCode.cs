using CodeScan.Application.QrCodes.GetMerchantQrCode;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.QrCodes;

/// <summary><c>merchantQrCode</c>: merchant staff read the merchant's current QR code (Application/QrCodes/GetMerchantQrCode).</summary>
public sealed class GetMerchantQrCode : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<MerchantQrCodeType>("merchantQrCode")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: the merchant's current QR code; null until the merchant is approved.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .ResolveAsync(async ctx =>
            {
                var outcome = await ctx.Send(new GetMerchantQrCodeQuery(GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId"))));
                return outcome.Value;
            });
}
