using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Wallets.RechargeAtCounter;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Wallets;

/// <summary><c>rechargeAtCounter</c>: merchant staff add stored value for a customer who paid at the counter (Application/Wallets/RechargeAtCounter).</summary>
public sealed class RechargeAtCounter : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RechargeAtCounterPayloadType>>("rechargeAtCounter")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: add stored value for a customer who paid at the counter.")
            .Argument<NonNullGraphType<RechargeAtCounterInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RechargeAtCounterInput>("input");
                var outcome = await ctx.Send(new RechargeAtCounterCommand(
                    GlobalId.ToMerchantId(input.MerchantId), input.CustomerPhone, input.Amount, input.Bonus, input.IdempotencyKey));
                return outcome.ToPayload(r => r);
            });
}

public sealed record RechargeAtCounterInput(string MerchantId, string CustomerPhone, long Amount, long Bonus, string IdempotencyKey);

public sealed class RechargeAtCounterInputType : InputObjectGraphType<RechargeAtCounterInput>
{
    public RechargeAtCounterInputType()
    {
        Name = "RechargeAtCounterInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("customerPhone").Description("The customer's mobile number; an unknown number is registered.");
        Field<NonNullGraphType<LongGraphType>>("amount").Description("What the customer paid, in minor units (1 to 100000000).");
        Field<NonNullGraphType<LongGraphType>>("bonus").DefaultValue(0L).Description("Stored value granted on top, in minor units (0 to amount).");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key has no second effect.");
    }
}

public sealed class RechargeAtCounterPayloadType() : PayloadType<RechargeResult, RechargeType>("RechargeAtCounterPayload", "recharge");
