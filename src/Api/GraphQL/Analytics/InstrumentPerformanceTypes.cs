using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics;
using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

public sealed class InstrumentPerformanceOrderType : EnumerationGraphType<InstrumentPerformanceOrder>
{
    public InstrumentPerformanceOrderType()
    {
        Name = "InstrumentPerformanceOrder";
        Description = "What ranks the rows, the largest first (ties by name): REDEEMED (payments), ISSUED, BILL, REDEMPTION_RATE (rows without one last), EXPIRED.";
    }
}

public sealed class PerformanceItemKindType : EnumerationGraphType<PerformanceItemKind>
{
    public PerformanceItemKindType()
    {
        Name = "PerformanceItemKind";
        Description = "What a performance row is about: a coupon template, a times-card product or a membership-card product.";
    }
}

public sealed class InstrumentPerformanceType : ObjectGraphType<InstrumentPerformanceRow>
{
    public InstrumentPerformanceType()
    {
        Name = "InstrumentPerformance";
        Description = "One coupon template or card product over the range. Each figure counts on the local day (merchant's zone) its event happened, unless it says otherwise.";
        Field<NonNullGraphType<IdGraphType>>("itemId").Description("The coupon template's or card product's id.")
            .Resolve(ctx => GlobalId.Encode(ctx.Source.Item.Kind == PerformanceItemKind.Coupon ? CouponTemplateType.TypeName : CardProductType.TypeName, ctx.Source.Item.ItemId));
        Field<NonNullGraphType<PerformanceItemKindType>>("kind").Resolve(ctx => ctx.Source.Item.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Item.Name);
        InstrumentFigureFields.AddTo(this);
    }
}

public sealed class InstrumentIssuedType : ObjectGraphType<InstrumentPerformanceRow>
{
    public InstrumentIssuedType()
    {
        Name = "InstrumentIssued";
        Field<NonNullGraphType<IntGraphType>>("total").Resolve(ctx => (int)ctx.Source.Issued.Total);
        Field<NonNullGraphType<IntGraphType>>("sold").Description("Paid orders settled by the payment provider.").Resolve(ctx => (int)ctx.Source.Issued.Sold);
        Field<NonNullGraphType<IntGraphType>>("claimed").Description("Free claims by customers.").Resolve(ctx => (int)ctx.Source.Issued.Claimed);
        Field<NonNullGraphType<IntGraphType>>("atCounter").Description("Issued by staff at the counter.").Resolve(ctx => (int)ctx.Source.Issued.AtCounter);
        Field<NonNullGraphType<MoneyType>>("amount").Description("What customers paid for them (free ones at zero).").Resolve(ctx => new Money(ctx.Source.Issued.Amount, ctx.Source.Currency));
    }
}
