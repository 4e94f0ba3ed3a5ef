using CodeScan.Application.Merchants;
using CodeScan.Application.Merchants.GetMerchantApplications;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class MerchantConnectionType : ObjectGraphType<MerchantApplicationsPage>
{
    public MerchantConnectionType()
    {
        Name = "MerchantConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MerchantEdgeType>>>>("edges")
            .Resolve(ctx => ctx.Source.Merchants.Select((m, i) => new MerchantEdge(ctx.Source.Cursors[i], m)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MerchantType>>>>("nodes").Resolve(ctx => ctx.Source.Merchants);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => PageInfo.Forward(ctx, ctx.Source.Cursors, ctx.Source.HasNextPage));
    }
}

public sealed record MerchantEdge(string Cursor, MerchantDto Node);

public sealed class MerchantEdgeType : ObjectGraphType<MerchantEdge>
{
    public MerchantEdgeType()
    {
        Name = "MerchantEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<MerchantType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
