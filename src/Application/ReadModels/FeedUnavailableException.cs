namespace CodeScan.Application.ReadModels;

/// <summary>
/// Ends a live feed whose notifications can no longer be trusted to arrive (the bus lost its connection, or the
/// read store did not answer the replay): the client sees UNAVAILABLE and reconnects, resuming after the last item
/// it heard, instead of listening to a feed that has silently gone quiet.
/// </summary>
public sealed class FeedUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string LostConnection = "The live feed lost its connection to the notification bus; reconnect and resume after the last item heard.";
}
