using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Users;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Users;

public sealed class PlatformAnalystType : ObjectGraphType<PlatformAnalystDto>
{
    public PlatformAnalystType()
    {
        Name = "PlatformAnalyst";
        Description = "Someone who may read the platform's reports; shown to platform admins only.";
        Field<NonNullGraphType<IdGraphType>>("userId").Resolve(ctx => GlobalId.Encode("User", ctx.Source.UserId));
        Field<NonNullGraphType<StringGraphType>>("phone").Description("E.164.").Resolve(ctx => ctx.Source.Phone);
    }
}

public sealed class PlatformAnalystPayloadType() : PayloadType<PlatformAnalystDto, PlatformAnalystType>("PlatformAnalystPayload", "analyst");

/// <summary>The input of <c>addPlatformAnalyst</c> and <c>removePlatformAnalyst</c>.</summary>
public sealed record PlatformAnalystInput(string Phone);

public sealed class PlatformAnalystInputType : InputObjectGraphType<PlatformAnalystInput>
{
    public PlatformAnalystInputType()
    {
        Name = "PlatformAnalystInput";
        Field<NonNullGraphType<StringGraphType>>("phone").Description("The analyst's mobile number.");
    }
}
