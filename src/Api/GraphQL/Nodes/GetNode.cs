using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Nodes.GetNode;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Nodes;

/// <summary><c>node</c>: any object by its global id (Application/Nodes/GetNode).</summary>
public sealed class GetNode : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NodeInterface>("node")
            .Allow(Access.SignedIn)
            .Description("Fetches any object by its global id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var (kind, id, ownerId) = GlobalId.ToNode(ctx.GetArgument<string>("id"));
                return await ctx.Send(new GetNodeQuery(kind, id, ownerId));
            });
}
