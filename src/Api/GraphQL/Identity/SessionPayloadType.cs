using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Identity;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

/// <summary>A session (signIn, refreshToken): null fields and one error when refused.</summary>
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

public static class SessionPayloads
{
    /// <summary>A refusal carried by a successful outcome (see <see cref="SessionVerdict"/>) is a payload error like any other.</summary>
    public static Payload<Session> ToSessionPayload(this Outcome<SessionVerdict> outcome) =>
        !outcome.IsSuccess ? Payload<Session>.Failed(outcome.Error!)
        : outcome.Value!.Refusal is { } refusal ? Payload<Session>.Failed(refusal)
        : new Payload<Session>(outcome.Value.Session, []);
}
