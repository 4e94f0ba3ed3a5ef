using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants;
using CodeScan.Application.Merchants.ReinstateMerchant;
using CodeScan.Application.Merchants.RejectMerchant;
using CodeScan.Application.Merchants.ResubmitMerchantApplication;
using CodeScan.Application.Merchants.SuspendMerchant;
using CodeScan.Application.Staff.AddCashier;
using CodeScan.Application.Staff.RemoveCashier;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary>Review decisions (platform admins), resubmission (the applicant) and cashiers (the owner).</summary>
public static class MerchantReviewFields
{
    public static void AddMerchantReviewMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MerchantPayloadType>>("rejectMerchant")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: turn down an application pending review, with a reason the applicant sees.")
            .Argument<NonNullGraphType<MerchantReasonInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                return (await ctx.Send(new RejectMerchantCommand(MerchantIdOf(input), Text(input, "reason")))).ToPayload(m => m);
            });

        mutation.Field<NonNullGraphType<MerchantPayloadType>>("suspendMerchant")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: stop an approved merchant from trading; its QR code is refused until reinstated.")
            .Argument<NonNullGraphType<MerchantReasonInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                return (await ctx.Send(new SuspendMerchantCommand(MerchantIdOf(input), Text(input, "reason")))).ToPayload(m => m);
            });

        mutation.Field<NonNullGraphType<MerchantPayloadType>>("reinstateMerchant")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: let a suspended merchant trade again.")
            .Argument<NonNullGraphType<MerchantIdInputType>>("input")
            .ResolveAsync(async ctx => (await ctx.Send(new ReinstateMerchantCommand(MerchantIdOf(Input(ctx))))).ToPayload(m => m));

        mutation.Field<NonNullGraphType<MerchantPayloadType>>("resubmitMerchantApplication")
            .Allow(Access.MerchantOwner)
            .Description("The applicant: correct a rejected application and send it for review again.")
            .Argument<NonNullGraphType<ResubmitMerchantApplicationInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                var outcome = await ctx.Send(new ResubmitMerchantApplicationCommand(
                    MerchantIdOf(input), Text(input, "name"), Text(input, "contactPhone"), Text(input, "businessLicenceNumber"),
                    Text(input, "address"), Text(input, "category"), input.GetValueOrDefault("locale") as string, input.GetValueOrDefault("currency") as string));
                return outcome.ToPayload(m => m);
            });

        mutation.Field<NonNullGraphType<MerchantPayloadType>>("addCashier")
            .Allow(Access.MerchantOwner)
            .Description("The owner: let someone act for the merchant as a cashier, by mobile number.")
            .Argument<NonNullGraphType<CashierInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                return (await ctx.Send(new AddCashierCommand(MerchantIdOf(input), Text(input, "phone")))).ToPayload(m => m);
            });

        mutation.Field<NonNullGraphType<MerchantPayloadType>>("removeCashier")
            .Allow(Access.MerchantOwner)
            .Description("The owner: stop a cashier from acting for the merchant.")
            .Argument<NonNullGraphType<CashierInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                return (await ctx.Send(new RemoveCashierCommand(MerchantIdOf(input), Text(input, "phone")))).ToPayload(m => m);
            });
    }

    internal static Dictionary<string, object?> Input(IResolveFieldContext context) => context.GetArgument<Dictionary<string, object?>>("input");

    internal static string Text(Dictionary<string, object?> input, string name) => input.GetValueOrDefault(name) as string ?? string.Empty;

    /// <summary>
    /// An id that does not decode becomes the empty id, which matches no merchant: the pipeline still
    /// authorizes the caller first, and the handler then answers NOT_FOUND.
    /// </summary>
    internal static MerchantId MerchantIdOf(Dictionary<string, object?> input)
    {
        GlobalId.TryDecode(input.GetValueOrDefault("merchantId")?.ToString(), MerchantType.TypeName, out var id);
        return new MerchantId(id);
    }
}

public sealed class MerchantPayloadType() : PayloadType<MerchantDto, MerchantType>("MerchantPayload", "merchant");

public sealed class MerchantIdInputType : InputObjectGraphType
{
    public MerchantIdInputType()
    {
        Name = "MerchantIdInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
    }
}

public sealed class MerchantReasonInputType : InputObjectGraphType
{
    public MerchantReasonInputType()
    {
        Name = "MerchantDecisionInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Shown to the applicant; 1 to 500 characters.");
    }
}

public sealed class CashierInputType : InputObjectGraphType
{
    public CashierInputType()
    {
        Name = "CashierInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("phone").Description("The cashier's mobile number.");
    }
}

public sealed class ResubmitMerchantApplicationInputType : InputObjectGraphType
{
    public ResubmitMerchantApplicationInputType()
    {
        Name = "ResubmitMerchantApplicationInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("contactPhone");
        Field<NonNullGraphType<StringGraphType>>("businessLicenceNumber");
        Field<NonNullGraphType<StringGraphType>>("address");
        Field<NonNullGraphType<StringGraphType>>("category");
        Field<LocaleType>("locale");
        Field<StringGraphType>("currency");
    }
}
