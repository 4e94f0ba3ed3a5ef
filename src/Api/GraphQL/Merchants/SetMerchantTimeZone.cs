using CodeScan.Application.Merchants.SetMerchantTimeZone;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>setMerchantTimeZone</c>: the owner sets the zone the merchant's days are counted in (Application/Merchants/SetMerchantTimeZone).</summary>
public sealed class SetMerchantTimeZone : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("setMerchantTimeZone")
            .Allow(Access.MerchantOwner)
            .Description("The owner: count the merchant's days (its sales reports) in this IANA time zone from now on; days already counted stay as they are.")
            .Argument<NonNullGraphType<SetMerchantTimeZoneInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SetMerchantTimeZoneInput>("input");
                var outcome = await ctx.Send(new SetMerchantTimeZoneCommand(GlobalId.ToMerchantId(input.MerchantId), input.TimeZone));
                return outcome.ToPayload(m => m);
            });
}

public sealed record SetMerchantTimeZoneInput(string MerchantId, string TimeZone);

public sealed class SetMerchantTimeZoneInputType : InputObjectGraphType<SetMerchantTimeZoneInput>
{
    public SetMerchantTimeZoneInputType()
    {
        Name = "SetMerchantTimeZoneInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("An IANA time zone id, e.g. Asia/Shanghai or America/New_York.");
    }
}
