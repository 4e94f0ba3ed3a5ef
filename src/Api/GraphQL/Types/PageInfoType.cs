using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

/// <summary>Relay's page info: the one shape every connection's <c>pageInfo</c> has.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    /// <summary>
    /// A page read forward (<c>first</c>/<c>after</c>): entries precede it when the caller came with an
    /// <c>after</c> cursor (the entry it names, at least). <paramref name="endCursor"/> overrides the last
    /// entry's cursor where a list resumes somewhere else.
    /// </summary>
    public static PageInfo Forward(IResolveFieldContext pageInfoField, IReadOnlyList<string> cursors, bool hasNextPage, string? endCursor = null) =>
        new(
            hasNextPage,
            pageInfoField.Parent?.GetArgument<string?>("after") is not null,
            cursors.Count == 0 ? null : cursors[0],
            endCursor ?? (cursors.Count == 0 ? null : cursors[^1]));
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its list (Relay's connection specification).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Going forward: true after an `after` cursor. Going back (`last`): whether older entries exist.")
            .Resolve(ctx => ctx.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("The first entry's cursor: pass it as `before` to go back, where the list has `before`.").Resolve(ctx => ctx.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("Pass it as `after` for the next page.").Resolve(ctx => ctx.Source.EndCursor);
    }
}
