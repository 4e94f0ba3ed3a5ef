using CodeScan.Application.ReadModels;
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
    }
}
