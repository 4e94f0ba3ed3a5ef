using CodeScan.Api.GraphQL.Redemptions;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Api.Transport;
using CodeScan.Application.QrCodes.ScanMerchant;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.QrCodes;

/// <summary><c>scanMerchant</c>: verifies a scanned merchant QR code (Application/QrCodes/ScanMerchant).</summary>
public sealed class ScanMerchant : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ScanMerchantResultType>>("scanMerchant")
            .WithComplexityImpact(RequestCost.ScanMerchant)
            .Allow(Access.SignedIn)
            .Description("Verifies a scanned merchant QR code (signature, version, merchant status) and returns the merchant and the caller's holdings there.")
            .Argument<NonNullGraphType<StringGraphType>>("qr", "The text the camera read.")
            .Argument<LongGraphType>("amount", "The bill the customer entered, in minor units: the result then carries a quote.")
            .ResolveAsync(async ctx =>
            {
                var outcome = await ctx.Send(new ScanMerchantQuery(ctx.GetArgument<string>("qr"), ctx.GetArgument<long?>("amount")));
                return outcome.ToPayload(r => r);
            });
}

public sealed class ScanMerchantResultType : ObjectGraphType<Payload<ScanMerchantResult>>
{
    public ScanMerchantResultType()
    {
        Name = "ScanMerchantResult";
        Description = "A verified merchant QR code: the merchant and what the signed-in customer holds there; or why the code was refused.";
        Field<MerchantType>("merchant").Resolve(ctx => ctx.Source.Result?.Merchant);
        Field<WalletType>("wallet").Description("The caller's holdings at this merchant (read model).").Resolve(ctx => ctx.Source.Result?.Wallet);
        Field<QuoteType>("quote").Description("With `amount`: the best combination of membership discount, coupon and stored value for that bill.").Resolve(ctx => ctx.Source.Result?.Quote);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("QR_CODE_MALFORMED, QR_CODE_SIGNATURE_INVALID, QR_CODE_OUTDATED, MERCHANT_SUSPENDED, MERCHANT_NOT_APPROVED or NOT_FOUND.")
            .Resolve(ctx => ctx.Source.Errors);
    }
}
