using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants.ResubmitMerchantApplication;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>resubmitMerchantApplication</c>: the applicant corrects a rejected application (Application/Merchants/ResubmitMerchantApplication).</summary>
public sealed class ResubmitMerchantApplication : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("resubmitMerchantApplication")
            .Allow(Access.MerchantOwner)
            .Description("The applicant: correct a rejected application and send it for review again.")
            .Argument<NonNullGraphType<ResubmitMerchantApplicationInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ResubmitMerchantApplicationInput>("input");
                var outcome = await ctx.Send(new ResubmitMerchantApplicationCommand(
                    GlobalId.ToMerchantId(input.MerchantId),
                    input.Name,
                    input.ContactPhone,
                    input.BusinessLicenceNumber,
                    input.Address,
                    input.Category,
                    input.Locale,
                    input.Currency));
                return outcome.ToPayload(m => m);
            });
}

public sealed record ResubmitMerchantApplicationInput(
    string MerchantId, string Name, string ContactPhone, string BusinessLicenceNumber, string Address, string Category, string? Locale, string? Currency);

public sealed class ResubmitMerchantApplicationInputType : InputObjectGraphType<ResubmitMerchantApplicationInput>
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
