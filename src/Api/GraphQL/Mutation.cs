using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Identity;
using CodeScan.Api.GraphQL.Inputs;
using CodeScan.Api.GraphQL.Issuance;
using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Orders;
using CodeScan.Api.GraphQL.QrCodes;
using CodeScan.Api.GraphQL.Redemptions;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants;
using CodeScan.Application.Merchants.ApproveMerchant;
using CodeScan.Application.Merchants.RegisterMerchant;
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

        Field<NonNullGraphType<RegisterMerchantPayloadType>>("registerMerchant")
            .Allow(Access.SignedIn)
            .Description("Apply to sell on the platform; the caller becomes the owner. Status PENDING_REVIEW.")
            .Argument<NonNullGraphType<RegisterMerchantInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await ctx.Send(new RegisterMerchantCommand(
                    Text(input, "name"), Text(input, "contactPhone"), Text(input, "businessLicenceNumber"),
                    Text(input, "address"), Text(input, "category"), input.GetValueOrDefault("locale") as string, input.GetValueOrDefault("currency") as string));
                return outcome.ToPayload(m => m);
            });

        Field<NonNullGraphType<ApproveMerchantPayloadType>>("approveMerchant")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: approve an application; the merchant gets its unique code.")
            .Argument<NonNullGraphType<ApproveMerchantInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var merchantId = MerchantIdOf(input);
                var outcome = await ctx.Send(new ApproveMerchantCommand(merchantId));
                return outcome.ToPayload(m => m);
            });

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
        this.AddMerchantReviewMutations();
        Add<DefineCardProduct>();
        Add<DefineCouponTemplate>();
        Add<DefineRechargePlan>();
        Add<ChangeCatalogItemStatus>();
        this.AddIdentityMutations();
        Add<RotateMerchantQrCode>();
        Add<Purchase>();
        Add<ClaimCoupon>();
        Add<IssueAtCounter>();
    }

    private static string Text(Dictionary<string, object?> input, string name) => MerchantReviewFields.Text(input, name);

    private static MerchantId MerchantIdOf(Dictionary<string, object?> input) => MerchantReviewFields.MerchantIdOf(input);
}
