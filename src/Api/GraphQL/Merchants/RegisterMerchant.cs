using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants;
using CodeScan.Application.Merchants.RegisterMerchant;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>registerMerchant</c>: a signed-in user applies to sell on the platform (Application/Merchants/RegisterMerchant).</summary>
public sealed class RegisterMerchant : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RegisterMerchantPayloadType>>("registerMerchant")
            .Allow(Access.SignedIn)
            .Description("Apply to sell on the platform; the caller becomes the owner. Status PENDING_REVIEW.")
            .Argument<NonNullGraphType<RegisterMerchantInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RegisterMerchantInput>("input");
                var outcome = await ctx.Send(new RegisterMerchantCommand(
                    input.Name, input.ContactPhone, input.BusinessLicenceNumber, input.Address, input.Category, input.Locale, input.Currency));
                return outcome.ToPayload(m => m);
            });
}

public sealed record RegisterMerchantInput(
    string Name, string ContactPhone, string BusinessLicenceNumber, string Address, string Category, string? Locale, string? Currency);

public sealed class RegisterMerchantInputType : InputObjectGraphType<RegisterMerchantInput>
{
    public RegisterMerchantInputType()
    {
        Name = "RegisterMerchantInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 100 characters.");
        Field<NonNullGraphType<StringGraphType>>("contactPhone").Description("A mobile number; mainland China numbers may omit +86.");
        Field<NonNullGraphType<StringGraphType>>("businessLicenceNumber").Description("Letters and digits, at most 32.");
        Field<NonNullGraphType<StringGraphType>>("address").Description("At most 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("category").Description("At most 50 characters.");
        Field<LocaleType>("locale").Description("The language the till speaks; ZH_CN when omitted.");
        Field<StringGraphType>("currency").Description("ISO 4217; CNY when omitted.");
    }
}

public sealed class RegisterMerchantPayloadType() : PayloadType<MerchantDto, MerchantType>("RegisterMerchantPayload", "merchant");
