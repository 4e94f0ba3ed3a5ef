using CodeScan.Api.Transport;
using CodeScan.Application.Records.GetMerchantRecords;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Records;

/// <summary><c>merchantRecords</c>: a merchant's history across its customers, or of one, newest first (Application/Records/GetMerchantRecords).</summary>
public sealed class GetMerchantRecords : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RecordConnectionType>>("merchantRecords")
            .WithComplexityImpact(RequestCost.RecordsPage)
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: the merchant's records across its customers, or of one customer, newest first.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<StringGraphType>("customerPhone", "Only this customer's records.")
            .FilterArguments()
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantRecordsQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")),
                ctx.Kinds(),
                ctx.GetArgument<string?>("customerPhone"),
                ctx.GetArgument<DateTimeOffset?>("from"),
                ctx.GetArgument<DateTimeOffset?>("to"),
                ctx.GetArgument<string?>("after"),
                ctx.GetArgument<int>("first"))));
}
