using CodeScan.Application.Records;
using global::GraphQL;
using global::GraphQL.Builders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Records;

/// <summary>The filter and paging arguments myRecords and merchantRecords share.</summary>
public static class RecordFilterArguments
{
    public static FieldBuilder<TSource, TReturn> FilterArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<ListGraphType<NonNullGraphType<RecordKindType>>>("kinds", "Only these kinds; every kind when omitted.")
        .Argument<DateTimeOffsetGraphType>("from", "Only records at or after this instant.")
        .Argument<DateTimeOffsetGraphType>("to", "Only records before this instant.")
        .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
        .Argument<StringGraphType>("after", "An `endCursor` from the previous page.");

    public static IReadOnlyCollection<RecordKind> Kinds(this IResolveFieldContext ctx) =>
        ctx.GetArgument<List<RecordKind>?>("kinds")?.Distinct().ToList() ?? [];
}
