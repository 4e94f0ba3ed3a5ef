using CodeScan.Application.Merchants.GetMerchant;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class MerchantReviewedType : ObjectGraphType<MerchantReviewNotice>
{
    public MerchantReviewedType()
    {
        Name = "MerchantReviewed";
        Description = "A review decision on one of the signed-in user's merchants.";
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<MerchantStatusType>>("status").Description("The merchant's status after the decision.").Resolve(ctx => Enum.Parse<Domain.Merchants.MerchantStatus>(ctx.Source.Status));
        Field<StringGraphType>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("decidedAt").Resolve(ctx => ctx.Source.DecidedAt);
        Field<MerchantType>("merchant")
            .Description("The merchant as it is after the decision (its id, status and review history), so a normalized cache updates itself.")
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantQuery(new MerchantId(ctx.Source.MerchantId))));
    }
}
