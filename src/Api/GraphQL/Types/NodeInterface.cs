using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id that `node(id:)` can fetch again.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
