using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.QrCodes.GetMerchantQrCode;
using CodeScan.Application.QrCodes.RotateMerchantQrCode;
using CodeScan.Application.QrCodes.ScanMerchant;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.QrCodes;

/// <summary>The merchant QR code: scanMerchant, merchantQrCode, rotateMerchantQrCode.</summary>
public static class QrCodeFields
{
    public static void AddQrCodeQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ScanMerchantResultType>>("scanMerchant")
            .Allow(Access.SignedIn)
            .Description("Verifies a scanned merchant QR code (signature, version, merchant status) and returns the merchant and the caller's holdings there.")
            .Argument<NonNullGraphType<StringGraphType>>("qr", "The text the camera read.")
            .Argument<LongGraphType>("amount", "The bill the customer entered, in minor units: the result then carries a quote.")
            .ResolveAsync(async ctx =>
            {
                var outcome = await ctx.Send(new ScanMerchantQuery(ctx.GetArgument<string>("qr"), ctx.GetArgument<long?>("amount")));
                return outcome.ToPayload(r => r);
            });

        query.Field<MerchantQrCodeType>("merchantQrCode")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: the merchant's current QR code; null until the merchant is approved.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .ResolveAsync(async ctx =>
            {
                // An undecodable id is sent on as no merchant: authorization answers first, then NOT_FOUND.
                GlobalId.TryDecode(ctx.GetArgument<string>("merchantId"), MerchantType.TypeName, out var id);
                var outcome = await ctx.Send(new GetMerchantQrCodeQuery(new MerchantId(id)));
                return outcome.Value;
            });
    }

    public static void AddQrCodeMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RotateMerchantQrCodePayloadType>>("rotateMerchantQrCode")
            .Allow(Access.MerchantOwner)
            .Description("The merchant's owner: issue a new QR code version; every earlier print is refused from now on.")
            .Argument<NonNullGraphType<RotateMerchantQrCodeInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                GlobalId.TryDecode(input.GetValueOrDefault("merchantId")?.ToString(), MerchantType.TypeName, out var id);
                var outcome = await ctx.Send(new RotateMerchantQrCodeCommand(new MerchantId(id)));
                return outcome.ToPayload(q => q);
            });
    }
}
