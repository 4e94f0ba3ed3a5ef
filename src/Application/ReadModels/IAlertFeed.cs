namespace CodeScan.Application.ReadModels;

/// <summary>
/// A merchant's alert feed: the replayable history its tills read, and the live announcement they hear.
/// </summary>
public interface IAlertFeed
{
    /// <summary>
    /// Appends the alert unless one at the same or a later position is there (a replayed event), and only
    /// when it was appended announces it to the merchant's tills: every alert is heard once, in order.
    /// </summary>
    Task AppendAsync(MerchantAlertView alert, CancellationToken cancellationToken);
}
