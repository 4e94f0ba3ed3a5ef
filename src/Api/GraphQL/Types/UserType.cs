using CodeScan.Application.Users.GetMe;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class UserType : ObjectGraphType<UserDto>
{
    public UserType()
    {
        Name = "User";
        Description = "The signed-in person.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("User", ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("phone").Description("E.164.").Resolve(ctx => ctx.Source.Phone);
        Field<NonNullGraphType<BooleanGraphType>>("isPlatformAdmin").Resolve(ctx => ctx.Source.IsPlatformAdmin);
        Field<NonNullGraphType<BooleanGraphType>>("isPlatformAnalyst")
            .Description("May read the platform's reports (platformSales); granted by a platform admin.")
            .Resolve(ctx => ctx.Source.IsPlatformAnalyst);
    }
}
