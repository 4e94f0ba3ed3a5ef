using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Records;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Records;

public sealed record RecordEdge(string Cursor, RecordEntry Node);

public sealed class RecordEdgeType : ObjectGraphType<RecordEdge>
{
    public RecordEdgeType()
    {
        Name = "RecordEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<RecordType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}

/// <summary>A page of records (myRecords, merchantRecords), newest first.</summary>
public sealed class RecordConnectionType : ObjectGraphType<RecordPage>
{
    public RecordConnectionType()
    {
        Name = "RecordConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordEdgeType>>>>("edges")
            .Resolve(ctx => ctx.Source.Items.Select(r => new RecordEdge(RecordCursor.Format(r.Position), r)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordType>>>>("nodes").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("A page may hold fewer entries than asked (even none) with hasNextPage true when a narrow filter ran into the scan limit: go on from endCursor.")
            .Resolve(ctx => PageInfo.Forward(
                ctx,
                ctx.Source.Items.Select(r => RecordCursor.Format(r.Position)).ToList(),
                ctx.Source.HasNextPage,
                ctx.Source.ResumeBelow is { } resume ? RecordCursor.Format(resume) : null));
    }
}
