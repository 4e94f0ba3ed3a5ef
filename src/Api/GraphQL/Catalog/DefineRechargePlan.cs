using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog;
using CodeScan.Application.Catalog.DefineRechargePlan;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary><c>defineRechargePlan</c>: the owner offers "pay X, get Y" on recharges (Application/Catalog/DefineRechargePlan).</summary>
public sealed class DefineRechargePlan : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RechargePlanPayloadType>>("defineRechargePlan")
            .Allow(Access.MerchantOwner)
            .Description("The owner: offer \"pay X, get Y\" on recharges.")
            .Argument<NonNullGraphType<DefineRechargePlanInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DefineRechargePlanInput>("input");
                var outcome = await ctx.Send(new DefineRechargePlanCommand(
                    GlobalId.ToMerchantId(input.MerchantId), input.Name, input.PayEvery, input.BonusEach, input.MinAmount, input.MaxAmount));
                return outcome.ToPayload(p => p);
            });
}

public sealed record DefineRechargePlanInput(string MerchantId, string Name, long PayEvery, long BonusEach, long MinAmount, long MaxAmount);

public sealed class DefineRechargePlanInputType : InputObjectGraphType<DefineRechargePlanInput>
{
    public DefineRechargePlanInputType()
    {
        Name = "DefineRechargePlanInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<LongGraphType>>("payEvery");
        Field<NonNullGraphType<LongGraphType>>("bonusEach");
        Field<NonNullGraphType<LongGraphType>>("minAmount");
        Field<NonNullGraphType<LongGraphType>>("maxAmount");
    }
}

public sealed class RechargePlanPayloadType() : PayloadType<RechargePlanDto, RechargePlanType>("DefineRechargePlanPayload", "rechargePlan");
