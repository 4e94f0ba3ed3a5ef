using System.Globalization;
using CodeScan.Application.Alerts.GetMerchantAlerts;
using CodeScan.Application.ReadModels;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

/// <summary>A page of alerts in Relay connection form; the cursor is the alert id.</summary>
public sealed class MerchantAlertConnectionType : ObjectGraphType<MerchantAlertPage>
{
    public MerchantAlertConnectionType()
    {
        Name = "MerchantAlertConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MerchantAlertEdgeType>>>>("edges").Resolve(ctx => ctx.Source.Alerts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MerchantAlertType>>>>("nodes").Resolve(ctx => ctx.Source.Alerts);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => ctx.Source);
    }
}

public sealed class MerchantAlertEdgeType : ObjectGraphType<MerchantAlertView>
{
    public MerchantAlertEdgeType()
    {
        Name = "MerchantAlertEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Position.ToString(CultureInfo.InvariantCulture));
        Field<NonNullGraphType<MerchantAlertType>>("node").Resolve(ctx => ctx.Source);
    }
}

public sealed class PageInfoType : ObjectGraphType<MerchantAlertPage>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.Alerts.Count == 0 ? null : ctx.Source.Alerts[^1].Position.ToString(CultureInfo.InvariantCulture));
    }
}
