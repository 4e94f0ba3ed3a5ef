using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Identity;
using CodeScan.Application.Identity.RefreshAccessToken;
using CodeScan.Application.Identity.RequestSignInCode;
using CodeScan.Application.Identity.SignIn;
using CodeScan.Application.Identity.SignOut;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

/// <summary>Sign-in by mobile number: requestSignInCode, signIn, refreshToken, signOut.</summary>
public static class IdentityFields
{
    public static void AddIdentityMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RequestSignInCodePayloadType>>("requestSignInCode")
            .Allow(Access.Anonymous)
            .Description("Texts a 6-digit one-time code to the number. Rate-limited per number and per client address.")
            .Argument<NonNullGraphType<RequestSignInCodeInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await ctx.Send(new RequestSignInCodeCommand(Text(input, "phone"), input.GetValueOrDefault("locale") as string));
                return outcome.ToPayload(sent => sent);
            });

        mutation.Field<NonNullGraphType<SignInPayloadType>>("signIn")
            .Allow(Access.Anonymous)
            .Description("Trades the texted code for an access token and a refresh token; a new number is registered.")
            .Argument<NonNullGraphType<SignInInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                return (await ctx.Send(new SignInCommand(Text(input, "phone"), Text(input, "code")))).ToSessionPayload();
            });

        mutation.Field<NonNullGraphType<RefreshTokenPayloadType>>("refreshToken")
            .Allow(Access.Anonymous)
            .Description("Trades a refresh token for a new access token and a new refresh token; the old one stops working.")
            .Argument<NonNullGraphType<RefreshTokenInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                return (await ctx.Send(new RefreshAccessTokenCommand(Text(input, "refreshToken")))).ToSessionPayload();
            });

        mutation.Field<NonNullGraphType<SignOutPayloadType>>("signOut")
            .Allow(Access.SignedIn)
            .Description("Revokes the refresh token and every token rotated from it. The access token expires on its own.")
            .Argument<NonNullGraphType<SignOutInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await ctx.Send(new SignOutCommand(Text(input, "refreshToken")));
                return outcome.ToPayload(signedOut => signedOut);
            });
    }

    /// <summary>A refusal carried by a successful outcome (see <see cref="SessionVerdict"/>) is a payload error like any other.</summary>
    private static Payload<Session> ToSessionPayload(this Outcome<SessionVerdict> outcome) =>
        !outcome.IsSuccess ? Payload<Session>.Failed(outcome.Error!)
        : outcome.Value!.Refusal is { } refusal ? Payload<Session>.Failed(refusal)
        : new Payload<Session>(outcome.Value.Session, []);

    private static string Text(Dictionary<string, object?> input, string name) => input.GetValueOrDefault(name) as string ?? string.Empty;
}
