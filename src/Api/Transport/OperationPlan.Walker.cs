using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace CodeScan.Api.Transport;

internal sealed partial class OperationPlan
{
    /// <summary>
    /// Finds the plan's steps as validation parses them: from the operation through its selections, each fragment
    /// spread followed once, the type of each selection set tracked so that a field finds its definition (and a
    /// selection set under a union, whose type is not known yet, looked into without one).
    /// </summary>
    private sealed class Walker : ASTVisitor<Walk>
    {
        public static readonly Walker Instance = new();

        public override ValueTask VisitAsync(ASTNode? node, Walk walk)
        {
            if (node is IHasDirectivesNode { Directives.Count: > 0 })
            {
                walk.Steps.Add(new Step(node, null));
            }

            return base.VisitAsync(node, walk);
        }

        protected override async ValueTask VisitOperationDefinitionAsync(GraphQLOperationDefinition operation, Walk walk)
        {
            var root = operation.Operation switch
            {
                OperationType.Query => walk.Schema.Query,
                OperationType.Mutation => walk.Schema.Mutation,
                OperationType.Subscription => walk.Schema.Subscription,
                _ => null,
            };
            if (root is not null)
            {
                await WithinAsync(root, () => base.VisitOperationDefinitionAsync(operation, walk), walk);
            }
        }

        protected override ValueTask VisitInlineFragmentAsync(GraphQLInlineFragment fragment, Walk walk) =>
            fragment.TypeCondition is null
                ? base.VisitInlineFragmentAsync(fragment, walk)
                : OnTypeAsync(fragment.TypeCondition, () => base.VisitInlineFragmentAsync(fragment, walk), walk);

        protected override ValueTask VisitFragmentSpreadAsync(GraphQLFragmentSpread spread, Walk walk) =>
            walk.Spread.Add(spread.FragmentName.Name.Value) && walk.Document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } definition
                ? VisitAsync(definition, walk)
                : default;

        protected override ValueTask VisitFragmentDefinitionAsync(GraphQLFragmentDefinition fragment, Walk walk) =>
            OnTypeAsync(fragment.TypeCondition, () => base.VisitFragmentDefinitionAsync(fragment, walk), walk);

        protected override async ValueTask VisitFieldAsync(GraphQLField field, Walk walk)
        {
            var name = field.Name.Value;
            var schema = walk.Schema;
            var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                : walk.Types.TryPeek(out var type) ? type.Fields.Find(name) : null;
            if (definition is null)
            {
                return;
            }

            if (field.Arguments?.Count > 0)
            {
                walk.Steps.Add(new Step(field, definition));
            }

            switch (definition.ResolvedType?.GetNamedType())
            {
                case IComplexGraphType complex:
                    await WithinAsync(complex, () => base.VisitFieldAsync(field, walk), walk);
                    break;
                case UnionGraphType:
                    await base.VisitFieldAsync(field, walk);
                    break;
            }
        }

        /// <summary>Under a type condition: its type when it has fields, none when it is a union (or an interface's members are still open).</summary>
        private static ValueTask OnTypeAsync(GraphQLTypeCondition condition, Func<ValueTask> visit, Walk walk) =>
            walk.Schema.AllTypes[condition.Type.Name.Value]?.GetNamedType() switch
            {
                IComplexGraphType complex => WithinAsync(complex, visit, walk),
                IAbstractGraphType => visit(),
                _ => default,
            };

        private static async ValueTask WithinAsync(IComplexGraphType type, Func<ValueTask> visit, Walk walk)
        {
            walk.Types.Push(type);
            await visit();
            walk.Types.Pop();
        }
    }
}
