using CodeScan.Api.GraphQL.Types;
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
    }
}
