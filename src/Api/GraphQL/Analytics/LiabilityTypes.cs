using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics.GetMerchantLiability;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

public sealed class LiabilityAgingBucketType : ObjectGraphType<LiabilityAgingBucket>
{
    public LiabilityAgingBucketType()
    {
        Name = "LiabilityAgingBucket";
        Field<NonNullGraphType<IntGraphType>>("fromDays").Description("The youngest age in the bucket, in days.").Resolve(ctx => ctx.Source.FromDays);
        Field<IntGraphType>("toDays").Description("The oldest age in the bucket (included); null for the last.").Resolve(ctx => ctx.Source.ToDays);
        Field<NonNullGraphType<LiabilityFiguresType>>("liability").Resolve(ctx => ctx.Source.Figures);
    }
}

public sealed class LiabilityFiguresType : ObjectGraphType<LiabilityFigures>
{
    public LiabilityFiguresType()
    {
        Name = "LiabilityFigures";
        Description = "Value owed to customers, by kind.";
        Field<NonNullGraphType<StoredValueLiabilityType>>("storedValue").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<TimesCardLiabilityType>>("timesCards").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<CouponLiabilityType>>("coupons").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<MembershipCardLiabilityType>>("membershipCards").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<MoneyType>>("deferredRevenue")
            .Description("What was paid for cards and coupons not yet honoured (times cards, coupons, membership cards): the ledger's deferred revenue.")
            .Resolve(ctx => Money(ctx.Source.DeferredRevenue, ctx.Source));
        Field<NonNullGraphType<MoneyType>>("total").Description("Stored value and deferred revenue. Coupon face values are not in it: they are not money received.")
            .Resolve(ctx => Money(ctx.Source.Total, ctx.Source));
    }

    internal static Money Money(long minorUnits, LiabilityFigures figures) => new(minorUnits, figures.Currency);
}

public sealed class StoredValueLiabilityType : ObjectGraphType<LiabilityFigures>
{
    public StoredValueLiabilityType()
    {
        Name = "StoredValueLiability";
        Field<NonNullGraphType<MoneyType>>("principal").Description("Unspent stored value customers paid for.").Resolve(ctx => LiabilityFiguresType.Money(ctx.Source.Principal, ctx.Source));
        Field<NonNullGraphType<MoneyType>>("bonus").Description("Unspent bonus given with recharges.").Resolve(ctx => LiabilityFiguresType.Money(ctx.Source.Bonus, ctx.Source));
        Field<NonNullGraphType<MoneyType>>("total").Resolve(ctx => LiabilityFiguresType.Money(ctx.Source.StoredValue, ctx.Source));
    }
}

public sealed class TimesCardLiabilityType : ObjectGraphType<LiabilityFigures>
{
    public TimesCardLiabilityType()
    {
        Name = "TimesCardLiability";
        Field<NonNullGraphType<IntGraphType>>("cards").Description("Times cards with uses left.").Resolve(ctx => ctx.Source.TimesCards);
        Field<NonNullGraphType<IntGraphType>>("uses").Description("Uses left.").Resolve(ctx => (int)ctx.Source.Uses);
        Field<NonNullGraphType<MoneyType>>("value")
            .Description("The uses left at each card's price per use: price × unused ÷ granted, rounded as the ledger recognises uses.")
            .Resolve(ctx => LiabilityFiguresType.Money(ctx.Source.TimesCardValue, ctx.Source));
    }
}

public sealed class CouponLiabilityType : ObjectGraphType<LiabilityFigures>
{
    public CouponLiabilityType()
    {
        Name = "CouponLiability";
        Field<NonNullGraphType<IntGraphType>>("count").Description("Coupons not used.").Resolve(ctx => ctx.Source.Coupons);
        Field<NonNullGraphType<MoneyType>>("faceValue")
            .Description("The amount off of the cash-off and threshold coupons among them (percent-off and gift coupons have no face value).")
            .Resolve(ctx => LiabilityFiguresType.Money(ctx.Source.CouponFaceValue, ctx.Source));
        Field<NonNullGraphType<MoneyType>>("deferredRevenue").Description("What customers paid for them (free coupons: nothing).")
            .Resolve(ctx => LiabilityFiguresType.Money(ctx.Source.CouponValue, ctx.Source));
    }
}

public sealed class MembershipCardLiabilityType : ObjectGraphType<LiabilityFigures>
{
    public MembershipCardLiabilityType()
    {
        Name = "MembershipCardLiability";
        Description = "Membership cards. Their price is not yet recognised over their validity (decision 0008): the ledger holds it as deferred revenue until then, and, once a card has ended, under breakage here.";
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.MembershipCards);
        Field<NonNullGraphType<MoneyType>>("deferredRevenue").Description("What customers paid for them.")
            .Resolve(ctx => LiabilityFiguresType.Money(ctx.Source.MembershipValue, ctx.Source));
    }
}
