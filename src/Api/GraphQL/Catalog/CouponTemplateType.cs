using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

public sealed class CouponTemplateType : ObjectGraphType<CouponTemplateDto>
{
    public const string TypeName = "CouponTemplate";

    public CouponTemplateType()
    {
        Name = TypeName;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<CouponTermsType>>("terms").Resolve(ctx => new CouponTermsView(ctx.Source.Terms, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("price").Description("0 means free to claim.").Resolve(ctx => new Money(ctx.Source.Price, ctx.Source.Currency));
        Field<NonNullGraphType<ValidityType>>("validity").Resolve(ctx => ctx.Source.Validity);
        Field<NonNullGraphType<IntGraphType>>("totalStock").Resolve(ctx => ctx.Source.TotalStock);
        Field<NonNullGraphType<IntGraphType>>("issuedCount").Resolve(ctx => ctx.Source.IssuedCount);
        Field<NonNullGraphType<IntGraphType>>("perCustomerLimit").Resolve(ctx => ctx.Source.PerCustomerLimit);
        Field<NonNullGraphType<CatalogItemStatusType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}
