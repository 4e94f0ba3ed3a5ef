using CodeScan.Api.GraphQL.Types;
using global::GraphQL.Introspection;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL;

public sealed class CodeScanSchema : Schema
{
    public CodeScanSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<Query>();
        Mutation = services.GetRequiredService<Mutation>();
        Subscription = services.GetRequiredService<Subscription>();
        RegisterType(typeof(MerchantType));

        // The introspection graphql-js asks for with every option on (graphql-codegen, GraphiQL, IDE plugins):
        // isRepeatable on directives, includeDeprecated/isDeprecated on arguments and input fields.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    /// <summary>
    /// Adds what GraphQL.NET 8 lacks of the introspection graphql-js asks for: <c>__Type.specifiedByURL</c> (null:
    /// no scalar here names a specification) and <c>includeDeprecated</c> on <c>__Directive.args</c> (no directive
    /// argument here is deprecated, so it changes nothing).
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        if (graphType is __Type type && !type.HasField("specifiedByURL"))
        {
            type.Field<StringGraphType>("specifiedByURL").Resolve(_ => null);
        }

        if (graphType is __Directive directive && directive.GetField("args") is { } args
            && args.Arguments?.Find("includeDeprecated") is null)
        {
            (args.Arguments ??= new QueryArguments()).Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
        }

        base.OnBeforeInitializeType(graphType);
    }
}
