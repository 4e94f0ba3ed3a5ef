using CodeScan.Application.ReadModels;
using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Projections;

/// <summary>
/// Keeps what other projections and queries need to know about each merchant, and tells the applicant
/// about each review decision (once: a replayed event finds the view already past it).
/// </summary>
public sealed class MerchantDirectoryProjection(IReadModelStore store, INotificationBus bus) : IProjection
{
    public Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken) => envelope.Event switch
    {
        MerchantRegistered e => Update(e.MerchantId.Value, envelope, _ => new MerchantView(
            e.MerchantId.Value, e.OwnerId.Value, e.Name, e.Locale, e.Currency, nameof(MerchantStatus.PendingReview), null, envelope.Position), null, cancellationToken),
        MerchantApproved e => Update(e.MerchantId.Value, envelope, v => v with { Status = nameof(MerchantStatus.Approved), MerchantCode = e.MerchantCode }, null, cancellationToken),
        MerchantRejected e => Update(e.MerchantId.Value, envelope, v => v with { Status = nameof(MerchantStatus.Rejected) }, e.Reason, cancellationToken),
        MerchantResubmitted e => Update(e.MerchantId.Value, envelope, v => v with { Status = nameof(MerchantStatus.PendingReview), Name = e.Name, Locale = e.Locale, Currency = e.Currency }, null, cancellationToken),
        MerchantSuspended e => Update(e.MerchantId.Value, envelope, v => v with { Status = nameof(MerchantStatus.Suspended) }, e.Reason, cancellationToken),
        MerchantReinstated e => Update(e.MerchantId.Value, envelope, v => v with { Status = nameof(MerchantStatus.Approved) }, null, cancellationToken),
        MerchantTimeZoneChanged e => Update(e.MerchantId.Value, envelope, v => v with { TimeZone = e.TimeZone }, null, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task Update(Guid merchantId, EventEnvelope envelope, Func<MerchantView, MerchantView> change, string? reason, CancellationToken cancellationToken)
    {
        var current = await store.GetMerchantAsync(merchantId, cancellationToken);
        if (current is not null && current.Position >= envelope.Position)
        {
            return;
        }

        // A registration starts the view; every other event changes one (and never arrives before it).
        var next = change(current!) with { Position = envelope.Position };
        await store.PutMerchantAsync(next, cancellationToken);

        if (envelope.Event is MerchantApproved or MerchantRejected or MerchantSuspended or MerchantReinstated)
        {
            await bus.PublishAsync(
                Channels.MerchantReviewed(next.OwnerId),
                new MerchantReviewNotice(merchantId, next.Status, reason, envelope.Event.OccurredAt),
                cancellationToken);
        }
    }
}
