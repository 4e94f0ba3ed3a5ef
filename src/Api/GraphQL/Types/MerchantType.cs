using CodeScan.Application.Merchants;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class MerchantType : ObjectGraphType<MerchantDto>
{
    public const string TypeName = "Merchant";

    public MerchantType()
    {
        Name = TypeName;
        Interface<NodeInterface>();
        IsTypeOf = source => source is MerchantDto;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("category").Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("address").Resolve(ctx => ctx.Source.Address);
        Field<NonNullGraphType<LocaleType>>("locale").Resolve(ctx => ctx.Source.Locale);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<MerchantStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<StringGraphType>("merchantCode").Description("The unique code behind the QR code; set on approval.").Resolve(ctx => ctx.Source.MerchantCode);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("appliedAt").Resolve(ctx => ctx.Source.AppliedAt);
        Field<DateTimeOffsetGraphType>("reviewedAt").Resolve(ctx => ctx.Source.ReviewedAt);
    }
}
