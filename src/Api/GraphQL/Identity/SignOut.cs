using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Identity.SignOut;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

/// <summary><c>signOut</c>: revokes a refresh token and every token rotated from it (Application/Identity/SignOut).</summary>
public sealed class SignOut : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<SignOutPayloadType>>("signOut")
            .Allow(Access.SignedIn)
            .Description("Revokes the refresh token and every token rotated from it. The access token expires on its own.")
            .Argument<NonNullGraphType<SignOutInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SignOutInput>("input");
                var outcome = await ctx.Send(new SignOutCommand(input.RefreshToken));
                return outcome.ToPayload(signedOut => signedOut);
            });
}

public sealed record SignOutInput(string RefreshToken);

public sealed class SignOutInputType : InputObjectGraphType<SignOutInput>
{
    public SignOutInputType()
    {
        Name = "SignOutInput";
        Field<NonNullGraphType<StringGraphType>>("refreshToken").Description("The refresh token of the session to end.");
    }
}

public sealed class SignOutPayloadType : ObjectGraphType<Payload<bool>>
{
    public SignOutPayloadType()
    {
        Name = "SignOutPayload";
        Field<NonNullGraphType<BooleanGraphType>>("signedOut").Resolve(ctx => ctx.Source.Errors.Count == 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
