using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants;
using CodeScan.Application.Merchants.ApproveMerchant;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>approveMerchant</c>: a platform admin approves an application (Application/Merchants/ApproveMerchant).</summary>
public sealed class ApproveMerchant : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ApproveMerchantPayloadType>>("approveMerchant")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: approve an application; the merchant gets its unique code.")
            .Argument<NonNullGraphType<ApproveMerchantInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ApproveMerchantInput>("input");
                var outcome = await ctx.Send(new ApproveMerchantCommand(GlobalId.ToMerchantId(input.MerchantId)));
                return outcome.ToPayload(m => m);
            });
}

public sealed record ApproveMerchantInput(string MerchantId);

public sealed class ApproveMerchantInputType : InputObjectGraphType<ApproveMerchantInput>
{
    public ApproveMerchantInputType()
    {
        Name = "ApproveMerchantInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
    }
}

public sealed class ApproveMerchantPayloadType() : PayloadType<MerchantDto, MerchantType>("ApproveMerchantPayload", "merchant");
