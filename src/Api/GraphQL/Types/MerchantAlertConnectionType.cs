using CodeScan.Application.Alerts;
using CodeScan.Application.Alerts.GetMerchantAlerts;
using CodeScan.Application.ReadModels;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

/// <summary>A page of alerts in Relay connection form; an alert's cursor is its id.</summary>
public sealed class MerchantAlertConnectionType : ObjectGraphType<MerchantAlertPage>
{
    public MerchantAlertConnectionType()
    {
        Name = "MerchantAlertConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MerchantAlertEdgeType>>>>("edges").Resolve(ctx => ctx.Source.Alerts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MerchantAlertType>>>>("nodes").Resolve(ctx => ctx.Source.Alerts);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx =>
        {
            var alerts = ctx.Source.Alerts;
            return new PageInfo(ctx.Source.HasNextPage, ctx.Source.HasPreviousPage, alerts.Count == 0 ? null : Cursor(alerts[0]), alerts.Count == 0 ? null : Cursor(alerts[^1]));
        });
    }

    public static string Cursor(MerchantAlertView alert) => AlertCursor.Format(alert.MerchantId, alert.Position);
}

public sealed class MerchantAlertEdgeType : ObjectGraphType<MerchantAlertView>
{
    public MerchantAlertEdgeType()
    {
        Name = "MerchantAlertEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("The alert's id.").Resolve(ctx => MerchantAlertConnectionType.Cursor(ctx.Source));
        Field<NonNullGraphType<MerchantAlertType>>("node").Resolve(ctx => ctx.Source);
    }
}
