using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "An expected failure: the operation changed nothing.";
        Field<NonNullGraphType<UserErrorCodeType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("path").Description("The input field at fault, e.g. [\"input\", \"amount\"].").Resolve(ctx => ctx.Source.Path);
    }
}
