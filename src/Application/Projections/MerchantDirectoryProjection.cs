using CodeScan.Application.ReadModels;
using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Projections;

/// <summary>Keeps what other projections need to know about each merchant.</summary>
public sealed class MerchantDirectoryProjection(IReadModelStore store) : IProjection
{
    public async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Event)
        {
            case MerchantRegistered registered:
                await Update(registered.MerchantId.Value, envelope.Position, _ => new MerchantView(
                    registered.MerchantId.Value, registered.Name, registered.Locale, registered.Currency,
                    nameof(MerchantStatus.PendingReview), null, envelope.Position), cancellationToken);
                break;
            case MerchantApproved approved:
                await Update(approved.MerchantId.Value, envelope.Position, view => view is null ? null : view with
                {
                    Status = nameof(MerchantStatus.Approved),
                    MerchantCode = approved.MerchantCode,
                    Position = envelope.Position,
                }, cancellationToken);
                break;
        }
    }

    private async Task Update(Guid merchantId, long position, Func<MerchantView?, MerchantView?> change, CancellationToken cancellationToken)
    {
        var current = await store.GetMerchantAsync(merchantId, cancellationToken);
        if (current is not null && current.Position >= position)
        {
            return;
        }

        if (change(current) is { } next)
        {
            await store.PutMerchantAsync(next, cancellationToken);
        }
    }
}
