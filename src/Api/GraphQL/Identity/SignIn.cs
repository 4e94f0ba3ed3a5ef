using CodeScan.Application.Identity.SignIn;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

/// <summary><c>signIn</c>: trades the texted code for a session; a new number is registered (Application/Identity/SignIn).</summary>
public sealed class SignIn : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<SignInPayloadType>>("signIn")
            .Allow(Access.Anonymous)
            .Description("Trades the texted code for an access token and a refresh token; a new number is registered.")
            .Argument<NonNullGraphType<SignInInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SignInInput>("input");
                return (await ctx.Send(new SignInCommand(input.Phone, input.Code))).ToSessionPayload();
            });
}

public sealed record SignInInput(string Phone, string Code);

public sealed class SignInInputType : InputObjectGraphType<SignInInput>
{
    public SignInInputType()
    {
        Name = "SignInInput";
        Field<NonNullGraphType<StringGraphType>>("phone").Description("The number the code was sent to.");
        Field<NonNullGraphType<StringGraphType>>("code").Description("The 6 digits from the text message.");
    }
}

public sealed class SignInPayloadType() : SessionPayloadType("SignInPayload");
