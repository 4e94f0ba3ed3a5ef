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
        Field<NonNullGraphType<RecordPageInfoType>>("pageInfo").Resolve(ctx => ctx.Source);
    }
}

public sealed class RecordPageInfoType : ObjectGraphType<RecordPage>
{
    public RecordPageInfoType()
    {
        Name = "RecordPageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor")
            .Description("Pass as `after` for the next page. A page may hold fewer entries than asked (even none) with hasNextPage true when a narrow filter ran into the scan limit; go on from here.")
            .Resolve(ctx => ctx.Source.ResumeBelow is { } resume
                ? RecordCursor.Format(resume)
                : ctx.Source.Items.Count == 0 ? null : RecordCursor.Format(ctx.Source.Items[^1].Position));
    }
}
