using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Identity.RequestSignInCode;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

/// <summary><c>requestSignInCode</c>: texts a one-time sign-in code to a mobile number (Application/Identity/RequestSignInCode).</summary>
public sealed class RequestSignInCode : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RequestSignInCodePayloadType>>("requestSignInCode")
            .Allow(Access.Anonymous)
            .Description("Texts a 6-digit one-time code to the number. Rate-limited per number and per client address.")
            .Argument<NonNullGraphType<RequestSignInCodeInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RequestSignInCodeInput>("input");
                var outcome = await ctx.Send(new RequestSignInCodeCommand(input.Phone, input.Locale));
                return outcome.ToPayload(sent => sent);
            });
}

public sealed record RequestSignInCodeInput(string Phone, string? Locale);

public sealed class RequestSignInCodeInputType : InputObjectGraphType<RequestSignInCodeInput>
{
    public RequestSignInCodeInputType()
    {
        Name = "RequestSignInCodeInput";
        Field<NonNullGraphType<StringGraphType>>("phone").Description("A mobile number; mainland China numbers may omit +86.");
        Field<LocaleType>("locale").Description("The language of the text message; ZH_CN when omitted.");
    }
}

public sealed class RequestSignInCodePayloadType : ObjectGraphType<Payload<SignInCodeSent>>
{
    public RequestSignInCodePayloadType()
    {
        Name = "RequestSignInCodePayload";
        Field<DateTimeOffsetGraphType>("expiresAt").Description("When the code stops working.").Resolve(ctx => ctx.Source.Result?.ExpiresAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
