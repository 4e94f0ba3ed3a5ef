using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Identity;
using CodeScan.Api.GraphQL.Inputs;
using CodeScan.Api.GraphQL.Issuance;
using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Orders;
using CodeScan.Api.GraphQL.QrCodes;
using CodeScan.Api.GraphQL.Redemptions;
using CodeScan.Api.GraphQL.Staff;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Wallets.RechargeAtCounter;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL;

/// <summary>Thin resolvers: input → command → payload. Rules live in the application and the domain.</summary>
public sealed class Mutation : RootType
{
    public Mutation()
    {
        Name = "Mutation";

        Add<RegisterMerchant>();
        Add<ApproveMerchant>();

        Field<NonNullGraphType<RechargeAtCounterPayloadType>>("rechargeAtCounter")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: add stored value for a customer who paid at the counter.")
            .Argument<NonNullGraphType<RechargeAtCounterInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var merchantId = MerchantIdOf(input);
                var outcome = await ctx.Send(new RechargeAtCounterCommand(
                    merchantId, Text(input, "customerPhone"), (long)input["amount"]!, (long)input["bonus"]!, Text(input, "idempotencyKey")));
                return outcome.ToPayload(r => r);
            });

        Add<Redeem>();
        Add<ReverseRedemption>();
        Add<RequestWriteOffCode>();
        Add<WriteOff>();
        Add<RejectMerchant>();
        Add<SuspendMerchant>();
        Add<ReinstateMerchant>();
        Add<ResubmitMerchantApplication>();
        Add<AddCashier>();
        Add<RemoveCashier>();
        this.AddCatalogMutations();
        this.AddIdentityMutations();
        this.AddQrCodeMutations();
        this.AddOrderMutations();
        this.AddIssuanceMutations();
    }

    private static string Text(Dictionary<string, object?> input, string name) => MerchantReviewFields.Text(input, name);

    private static MerchantId MerchantIdOf(Dictionary<string, object?> input) => MerchantReviewFields.MerchantIdOf(input);
}
