using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Records.GetMyRecords;

/// <summary>
/// The signed-in customer's history at every merchant (or one), newest first, from the records read
/// model. The cursor is the last entry's event-log position.
/// </summary>
public sealed record GetMyRecordsQuery(
    MerchantId? MerchantId, IReadOnlyCollection<RecordKind> Kinds, DateTimeOffset? From, DateTimeOffset? To, string? After, int First)
    : IQuery<RecordPage>, IRequireSignedIn;

public sealed class GetMyRecordsHandler(IRecordStore store, ICurrentUser currentUser) : IQueryHandler<GetMyRecordsQuery, RecordPage>
{
    public async ValueTask<RecordPage> Handle(GetMyRecordsQuery query, CancellationToken cancellationToken) =>
        await RecordPage.LoadAsync(
            store,
            RecordOwner.Customer(currentUser.RequiredId.Value),
            new RecordFilter(query.Kinds, query.MerchantId?.Value, query.From, query.To),
            query.After,
            query.First,
            cancellationToken);
}
