using CodeScan.Api.GraphQL.Issuance;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Redemptions;
using CodeScan.Application.Redemptions.WriteOff;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Redemptions;

/// <summary><c>writeOff</c>: merchant staff redeem what a customer's write-off code stands for (Application/Redemptions/WriteOff).</summary>
public sealed class WriteOff : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<WriteOffPayloadType>>("writeOff")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: redeem the coupon or times card behind a customer's write-off code (核销). After a coupon, the rest is collected at the till.")
            .Argument<NonNullGraphType<WriteOffInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<WriteOffInput>("input");
                var outcome = await ctx.Send(new WriteOffCommand(GlobalId.ToMerchantId(input.MerchantId), input.Code, input.Amount, input.IdempotencyKey));
                return outcome.ToPayload(r => r);
            });
}

public sealed record WriteOffInput(string MerchantId, string Code, long? Amount, string IdempotencyKey);

public sealed class WriteOffInputType : InputObjectGraphType<WriteOffInput>
{
    public WriteOffInputType()
    {
        Name = "WriteOffInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("code").Description("The 12 digits the customer's app shows (spaces and dashes are ignored).");
        Field<LongGraphType>("amount").Description("Coupons: the bill before discounts, in minor units (0 for a gift coupon on its own). Times cards take the uses on the code.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey");
    }
}

public sealed class WriteOffPayloadType() : PayloadType<RedemptionResult, RedemptionType>("WriteOffPayload", "redemption");
