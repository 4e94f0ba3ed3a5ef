using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class WalletType : ObjectGraphType<WalletView>
{
    public const string TypeName = "Wallet";

    public WalletType()
    {
        Name = TypeName;
        Description = "The signed-in customer's holdings at one merchant (read model: eventually consistent, see `version`).";
        Interface<NodeInterface>();
        IsTypeOf = source => source is WalletView;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Stable for this customer at this merchant: `node(id:)` fetches it again (for its owner only), and `walletChanged` carries it, so a normalized cache updates itself.")
            .Resolve(ctx => GlobalId.EncodeWallet(ctx.Source.MerchantId, ctx.Source.CustomerId));
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<MoneyType>>("storedValue").Description("Principal plus bonus.").Resolve(ctx => new Money(ctx.Source.Balance, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("principal").Description("Stored value the customer paid for.").Resolve(ctx => new Money(ctx.Source.Principal, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonus").Description("Stored value granted on top of recharges.").Resolve(ctx => new Money(ctx.Source.Bonus, ctx.Source.Currency));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CardHoldingType>>>>("cards").Resolve(ctx => ctx.Source.Cards.Select(c => new CardHoldingView(c, ctx.Source.Currency)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CouponHoldingType>>>>("coupons").Resolve(ctx => ctx.Source.Coupons.Select(c => new CouponHoldingView(c, ctx.Source.Currency)));
        Field<NonNullGraphType<LongGraphType>>("version").Description("The event-log position this view reflects.").Resolve(ctx => ctx.Source.Position);
        Field<DateTimeOffsetGraphType>("asOf").Resolve(ctx => ctx.Source.Position == 0 ? null : ctx.Source.AsOf);
    }

    /// <summary>Expiry is decided when read, so a wallet shows an instrument as expired the moment it is.</summary>
    internal static bool IsExpired(IResolveFieldContext context, DateTimeOffset expiresAt) =>
        context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow() >= expiresAt;
}

public sealed record CardHoldingView(CardHolding Card, string Currency);

public sealed record CouponHoldingView(CouponHolding Coupon, string Currency);

public sealed class CardHoldingType : ObjectGraphType<CardHoldingView>
{
    public CardHoldingType()
    {
        Name = "CardHolding";
        Description = "A card the customer holds, with the terms it was issued with.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("Card", ctx.Source.Card.CardId));
        Field<NonNullGraphType<IdGraphType>>("cardProductId").Resolve(ctx => GlobalId.Encode(CardProductType.TypeName, ctx.Source.Card.ProductId));
        Field<NonNullGraphType<CardKindType>>("kind").Resolve(ctx => ctx.Source.Card.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Card.Name);
        Field<IntGraphType>("usesGranted").Description("Times cards.").Resolve(ctx => ctx.Source.Card.UsesGranted);
        Field<IntGraphType>("usesLeft").Description("Times cards.").Resolve(ctx => ctx.Source.Card.UsesLeft);
        Field<IntGraphType>("payRateBasisPoints").Description("Membership cards: the share of the bill the member pays.").Resolve(ctx => ctx.Source.Card.PayRateBasisPoints);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validFrom").Resolve(ctx => ctx.Source.Card.ValidFrom);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(ctx => ctx.Source.Card.ExpiresAt);
        Field<NonNullGraphType<BooleanGraphType>>("isExpired").Resolve(ctx => WalletType.IsExpired(ctx, ctx.Source.Card.ExpiresAt));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(ctx => ctx.Source.Card.IssuedAt);
    }
}

public sealed class HoldingStatusType : EnumerationGraphType
{
    public HoldingStatusType()
    {
        Name = "CouponHoldingStatus";
        Add("AVAILABLE", "Available", "Can be used now (or once its window opens).");
        Add("USED", "Used", "Redeemed.");
        Add("EXPIRED", "Expired", "Past its validity; cannot be used.");
    }
}

public sealed class CouponHoldingType : ObjectGraphType<CouponHoldingView>
{
    public CouponHoldingType()
    {
        Name = "CouponHolding";
        Description = "A coupon the customer holds, with the terms it was issued with.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("Coupon", ctx.Source.Coupon.CouponId));
        Field<NonNullGraphType<IdGraphType>>("couponTemplateId").Resolve(ctx => GlobalId.Encode(CouponTemplateType.TypeName, ctx.Source.Coupon.TemplateId));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Coupon.Name);
        Field<NonNullGraphType<CouponTermsType>>("terms").Resolve(ctx => new CouponTermsView(ctx.Source.Coupon.Terms, ctx.Source.Currency));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validFrom").Resolve(ctx => ctx.Source.Coupon.ValidFrom);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(ctx => ctx.Source.Coupon.ExpiresAt);
        Field<NonNullGraphType<HoldingStatusType>>("status").Resolve(ctx =>
            ctx.Source.Coupon.Status == CouponStatus.Used ? "Used" : WalletType.IsExpired(ctx, ctx.Source.Coupon.ExpiresAt) ? "Expired" : "Available");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(ctx => ctx.Source.Coupon.IssuedAt);
    }
}
