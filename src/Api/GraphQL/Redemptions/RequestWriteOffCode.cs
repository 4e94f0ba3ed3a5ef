using CodeScan.Api.GraphQL.Issuance;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Redemptions.RequestWriteOffCode;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Redemptions;

/// <summary><c>requestWriteOffCode</c>: the customer's app gets a code for a cashier to write off (Application/Redemptions/RequestWriteOffCode).</summary>
public sealed class RequestWriteOffCode : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RequestWriteOffCodePayloadType>>("requestWriteOffCode")
            .Allow(Access.SignedIn)
            .Description("The customer's app: a short-lived, single-use code for one coupon or times card, for a cashier to write off.")
            .Argument<NonNullGraphType<RequestWriteOffCodeInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RequestWriteOffCodeInput>("input");
                var outcome = await ctx.Send(new RequestWriteOffCodeCommand(
                    GlobalId.ToOptionalGuid(input.CouponId, IssuanceType.CouponTypeName),
                    GlobalId.ToOptionalGuid(input.TimesCardId, IssuanceType.CardTypeName),
                    input.Uses));
                return outcome.ToPayload(r => r);
            });
}

public sealed record RequestWriteOffCodeInput(string? CouponId, string? TimesCardId, int? Uses);

public sealed class RequestWriteOffCodeInputType : InputObjectGraphType<RequestWriteOffCodeInput>
{
    public RequestWriteOffCodeInputType()
    {
        Name = "RequestWriteOffCodeInput";
        Field<IdGraphType>("couponId").Description("Exactly one of couponId and timesCardId.");
        Field<IdGraphType>("timesCardId");
        Field<IntGraphType>("uses").Description("Times cards: how many uses the cashier may take with this code (default 1).");
    }
}

public sealed class WriteOffCodeType : ObjectGraphType<WriteOffCodeResult>
{
    public WriteOffCodeType()
    {
        Name = "WriteOffCode";
        Description = "Show this at the till; it works once, for this merchant, until it expires.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<WriteOffTargetType>>("target").Resolve(ctx => ctx.Source.Target);
        Field<NonNullGraphType<IdGraphType>>("instrumentId").Resolve(ctx => GlobalId.Encode(ctx.Source.Target == WriteOffTarget.Coupon ? "Coupon" : "Card", ctx.Source.InstrumentId));
        Field<NonNullGraphType<StringGraphType>>("instrumentName").Resolve(ctx => ctx.Source.InstrumentName);
        Field<NonNullGraphType<IntGraphType>>("uses").Description("Times cards: the uses a write-off takes.").Resolve(ctx => ctx.Source.Uses);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
    }
}

public sealed class RequestWriteOffCodePayloadType() : PayloadType<WriteOffCodeResult, WriteOffCodeType>("RequestWriteOffCodePayload", "writeOffCode");
