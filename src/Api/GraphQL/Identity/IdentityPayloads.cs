using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Identity;
using CodeScan.Application.Identity.RequestSignInCode;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

public sealed class RequestSignInCodePayloadType : ObjectGraphType<Payload<SignInCodeSent>>
{
    public RequestSignInCodePayloadType()
    {
        Name = "RequestSignInCodePayload";
        Field<DateTimeOffsetGraphType>("expiresAt").Description("When the code stops working.").Resolve(ctx => ctx.Source.Result?.ExpiresAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

/// <summary>A session: null fields and one error when refused.</summary>
public abstract class SessionPayloadType : ObjectGraphType<Payload<Session>>
{
    protected SessionPayloadType(string name)
    {
        Name = name;
        Field<StringGraphType>("accessToken").Description("Send as `Authorization: Bearer …`.").Resolve(ctx => ctx.Source.Result?.AccessToken);
        Field<DateTimeOffsetGraphType>("accessTokenExpiresAt").Resolve(ctx => ctx.Source.Result?.AccessTokenExpiresAt);
        Field<StringGraphType>("refreshToken").Description("Single use: keep the newest one, it replaces the last.").Resolve(ctx => ctx.Source.Result?.RefreshToken);
        Field<DateTimeOffsetGraphType>("refreshTokenExpiresAt").Resolve(ctx => ctx.Source.Result?.RefreshTokenExpiresAt);
        Field<UserType>("user").Resolve(ctx => ctx.Source.Result?.User);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class SignInPayloadType() : SessionPayloadType("SignInPayload");

public sealed class RefreshTokenPayloadType() : SessionPayloadType("RefreshTokenPayload");

public sealed class SignOutPayloadType : ObjectGraphType<Payload<bool>>
{
    public SignOutPayloadType()
    {
        Name = "SignOutPayload";
        Field<NonNullGraphType<BooleanGraphType>>("signedOut").Resolve(ctx => ctx.Source.Errors.Count == 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
