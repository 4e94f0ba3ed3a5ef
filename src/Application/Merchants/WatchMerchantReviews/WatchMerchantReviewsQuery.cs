using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using Mediator;

namespace CodeScan.Application.Merchants.WatchMerchantReviews;

/// <summary>The signed-in applicant hears each decision on their merchants as it is made.</summary>
public sealed record WatchMerchantReviewsQuery : IQuery<IObservable<MerchantReviewNotice>>, IRequireSignedIn;

public sealed class WatchMerchantReviewsHandler(INotificationBus bus, ICurrentUser currentUser)
    : IQueryHandler<WatchMerchantReviewsQuery, IObservable<MerchantReviewNotice>>
{
    public ValueTask<IObservable<MerchantReviewNotice>> Handle(WatchMerchantReviewsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(bus.Observe<MerchantReviewNotice>(Channels.MerchantReviewed(currentUser.RequiredId.Value)));
}
