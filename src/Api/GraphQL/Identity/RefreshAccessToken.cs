using CodeScan.Application.Identity.RefreshAccessToken;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

/// <summary><c>refreshToken</c>: trades a refresh token for a new pair of tokens (Application/Identity/RefreshAccessToken).</summary>
public sealed class RefreshAccessToken : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RefreshTokenPayloadType>>("refreshToken")
            .Allow(Access.Anonymous)
            .Description("Trades a refresh token for a new access token and a new refresh token; the old one stops working.")
            .Argument<NonNullGraphType<RefreshTokenInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RefreshTokenInput>("input");
                return (await ctx.Send(new RefreshAccessTokenCommand(input.RefreshToken))).ToSessionPayload();
            });
}

public sealed record RefreshTokenInput(string RefreshToken);

public sealed class RefreshTokenInputType : InputObjectGraphType<RefreshTokenInput>
{
    public RefreshTokenInputType()
    {
        Name = "RefreshTokenInput";
        Field<NonNullGraphType<StringGraphType>>("refreshToken");
    }
}

public sealed class RefreshTokenPayloadType() : SessionPayloadType("RefreshTokenPayload");
