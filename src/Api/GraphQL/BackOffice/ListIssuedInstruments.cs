using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.BackOffice.ListIssuedInstruments;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.BackOffice;

/// <summary><c>issuedInstruments</c>: the cards and coupons a merchant has issued, newest first (Application/BackOffice/ListIssuedInstruments).</summary>
public sealed class ListIssuedInstruments : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<IssuedInstrumentConnectionType>>("issuedInstruments")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: the cards and coupons the merchant has issued, newest first.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<StringGraphType>("after", "An `endCursor` from the previous page.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
            .ResolveAsync(async ctx => await ctx.Send(new ListIssuedInstrumentsQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")), ctx.GetArgument<string?>("after"), ctx.GetArgument<int>("first"))));
}

public sealed class IssuedInstrumentType : ObjectGraphType<IssuedInstrumentDto>
{
    public IssuedInstrumentType()
    {
        Name = "IssuedInstrument";
        Field<NonNullGraphType<StringGraphType>>("kind").Description("CARD or COUPON.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ctx.Source.Kind == "CARD" ? "Card" : "Coupon", ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("customerPhoneMasked").Resolve(ctx => ctx.Source.CustomerPhoneMasked);
        Field<NonNullGraphType<IssueSourceType>>("source").Resolve(ctx => ctx.Source.Source);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(ctx => ctx.Source.IssuedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
    }
}

public sealed class IssuedInstrumentConnectionType : ObjectGraphType<IssuedInstrumentsPage>
{
    public IssuedInstrumentConnectionType()
    {
        Name = "IssuedInstrumentConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IssuedInstrumentEdgeType>>>>("edges").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IssuedInstrumentType>>>>("nodes").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => PageInfo.Forward(ctx, ctx.Source.Items.Select(i => i.Cursor).ToList(), ctx.Source.HasNextPage));

        // Before the connection had edges and pageInfo; kept so clients written then keep working.
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").DeprecationReason("Use pageInfo.hasNextPage.").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor").DeprecationReason("Use pageInfo.endCursor.").Resolve(ctx => ctx.Source.Items.Count == 0 ? null : ctx.Source.Items[^1].Cursor);
    }
}

public sealed class IssuedInstrumentEdgeType : ObjectGraphType<IssuedInstrumentDto>
{
    public IssuedInstrumentEdgeType()
    {
        Name = "IssuedInstrumentEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<IssuedInstrumentType>>("node").Resolve(ctx => ctx.Source);
    }
}
