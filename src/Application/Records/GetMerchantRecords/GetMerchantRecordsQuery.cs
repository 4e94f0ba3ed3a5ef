using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Records.GetMerchantRecords;

/// <summary>
/// The merchant's history across its customers (or of one customer, by phone), newest first, from the
/// records read model. The cursor is the last entry's event-log position.
/// </summary>
public sealed record GetMerchantRecordsQuery(
    MerchantId MerchantId, IReadOnlyCollection<RecordKind> Kinds, string? CustomerPhone, DateTimeOffset? From, DateTimeOffset? To, string? After, int First)
    : IQuery<RecordPage>, IRequireMerchantStaff;

public sealed class GetMerchantRecordsHandler(IRecordStore store, IApplicationDbContext db) : IQueryHandler<GetMerchantRecordsQuery, RecordPage>
{
    public async ValueTask<RecordPage> Handle(GetMerchantRecordsQuery query, CancellationToken cancellationToken)
    {
        // Every input is checked before the phone is looked up, so a bad one is refused the same way
        // whether or not the number belongs to anyone.
        RecordPage.Check(query.After, query.From, query.To);
        var owner = RecordOwner.Merchant(query.MerchantId.Value);
        if (query.CustomerPhone is not null)
        {
            var phone = PhoneNumber.Parse(query.CustomerPhone);
            if (!phone.IsSuccess)
            {
                throw new InvalidQueryInputException("'customerPhone' is not a mobile number.");
            }

            // One customer's history here is their own history narrowed to this merchant: a short scan.
            var number = phone.Value!;
            var customers = await db.Users.AsNoTracking().Where(u => u.Phone == number).Select(u => u.Id).ToListAsync(cancellationToken);
            if (customers.Count == 0)
            {
                return RecordPage.Empty;
            }

            owner = RecordOwner.Customer(customers[0].Value);
        }

        return await RecordPage.LoadAsync(
            store, owner, new RecordFilter(query.Kinds, query.MerchantId.Value, query.From, query.To), query.After, query.First, cancellationToken);
    }
}
