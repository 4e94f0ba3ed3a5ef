using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

/// <summary>A mutation payload: one named result field plus `errors`.</summary>
public abstract class PayloadType<TResult, TResultType> : ObjectGraphType<Payload<TResult>>
    where TResultType : IGraphType
{
    protected PayloadType(string name, string resultField)
    {
        Name = name;
        Field<TResultType>(resultField).Resolve(ctx => ctx.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
