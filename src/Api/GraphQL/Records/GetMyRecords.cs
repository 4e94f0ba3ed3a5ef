using CodeScan.Api.GraphQL.Types;
using CodeScan.Api.Transport;
using CodeScan.Application.Records.GetMyRecords;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Records;

/// <summary><c>myRecords</c>: the signed-in customer's history, newest first (Application/Records/GetMyRecords).</summary>
public sealed class GetMyRecords : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RecordConnectionType>>("myRecords")
            .WithComplexityImpact(RequestCost.RecordsPage)
            .Allow(Access.SignedIn)
            .Description("The signed-in customer's records at every merchant, or at one, newest first.")
            .Argument<IdGraphType>("merchantId", "Only records at this merchant.")
            .FilterArguments()
            .ResolveAsync(async ctx =>
            {
                // An id that does not decode becomes the empty id, which the validator refuses.
                var merchantId = GlobalId.ToOptionalGuid(ctx.GetArgument<string?>("merchantId"), MerchantType.TypeName) is { } id ? new MerchantId(id) : (MerchantId?)null;
                return await ctx.Send(new GetMyRecordsQuery(
                    merchantId, ctx.Kinds(), ctx.GetArgument<DateTimeOffset?>("from"), ctx.GetArgument<DateTimeOffset?>("to"), ctx.GetArgument<string?>("after"), ctx.GetArgument<int>("first")));
            });
}
