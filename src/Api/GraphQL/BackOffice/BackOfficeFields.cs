using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.BackOffice.ListIssuedInstruments;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.BackOffice;

/// <summary>What the merchant's back office reads about its customers' instruments.</summary>
public static class BackOfficeFields
{
    public static void AddBackOfficeQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<IssuedInstrumentConnectionType>>("issuedInstruments")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: the cards and coupons the merchant has issued, newest first.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<StringGraphType>("after", "An `endCursor` from the previous page.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int>("first");
                if (first is < 1 or > ListIssuedInstrumentsHandler.MaxPage)
                {
                    throw new ExecutionError($"'first' must be between 1 and {ListIssuedInstrumentsHandler.MaxPage}.") { Code = "BAD_USER_INPUT" };
                }

                GlobalId.TryDecode(ctx.GetArgument<string>("merchantId"), MerchantType.TypeName, out var id);
                return await ctx.Send(new ListIssuedInstrumentsQuery(new MerchantId(id), ctx.GetArgument<string?>("after"), first));
            });
    }
}

public sealed class IssueSourceType : EnumerationGraphType<IssueSource>
{
    public IssueSourceType() => Name = "IssueSource";
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IssuedInstrumentType>>>>("nodes").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.Items.Count == 0 ? null : ctx.Source.Items[^1].Cursor);
    }
}
