using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;

namespace CodeScan.Api.Tests.MultiNode;

/// <summary>
/// A till as a real one behaves: it listens to its merchant's alerts over graphql-ws, remembers the id of the last
/// alert it heard, and when its feed ends (an <c>error</c> such as UNAVAILABLE, a <c>complete</c>) or its socket
/// closes, it connects again and subscribes with <c>after</c> set to that id, after a short backoff. It counts each
/// alert position heard, and every one heard twice.
/// </summary>
internal sealed class ResumingTill : IAsyncDisposable
{
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(200);

    private const string Alerts = """
        subscription($merchantId: ID!, $after: String) { merchantAlerts(merchantId: $merchantId, after: $after) { id } }
        """;

    private readonly Lock _gate = new();
    private readonly HashSet<long> _heard = [];
    private readonly List<long> _twice = [];
    private readonly List<string> _endings = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _uri;
    private readonly string _ownerToken;
    private readonly string _merchantId;
    private Task _listening = Task.CompletedTask;
    private string? _cursor;

    private ResumingTill(Uri uri, string ownerToken, string merchantId)
    {
        _uri = uri;
        _ownerToken = ownerToken;
        _merchantId = merchantId;
    }

    /// <summary>How many distinct alerts it has heard.</summary>
    public int Heard
    {
        get
        {
            lock (_gate)
            {
                return _heard.Count;
            }
        }
    }

    /// <summary>Positions heard more than once.</summary>
    public IReadOnlyList<long> Twice
    {
        get
        {
            lock (_gate)
            {
                return [.. _twice];
            }
        }
    }

    /// <summary>Why each feed ended: an error's code, "complete", or the exception that closed the socket.</summary>
    public IReadOnlyList<string> Endings
    {
        get
        {
            lock (_gate)
            {
                return [.. _endings];
            }
        }
    }

    /// <summary>Connects and subscribes live (no cursor yet); the caller waits for the subscription to reach Redis.</summary>
    public static ResumingTill Start(Uri uri, string ownerToken, string merchantId)
    {
        var till = new ResumingTill(uri, ownerToken, merchantId);
        till._listening = till.ListenAsync();
        return till;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listening;
    }

    private async Task ListenAsync()
    {
        await Task.Yield();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                Ended(await FollowFeedAsync());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Ended(ex.GetType().Name);
            }

            // A real till's backoff before it reconnects, not a wait in the test.
            await Task.Delay(Backoff, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One connection: subscribes after the last alert heard and records alerts until the feed ends; returns why.</summary>
    private async Task<string> FollowFeedAsync()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(_uri, "Bearer " + _ownerToken);
        await client.SubscribeAsync("alerts", Alerts, new { merchantId = _merchantId, after = _cursor });
        while (!_stop.IsCancellationRequested)
        {
            if (await client.TryReceiveAsync(TimeSpan.FromMilliseconds(250)) is not { } message)
            {
                continue;
            }

            switch (message.Type)
            {
                case "next":
                    Record(message.Payload!.Value.GetProperty("data").GetProperty("merchantAlerts").GetProperty("id").GetString()!);
                    break;
                case "error":
                    return message.Payload!.Value[0].TryGetProperty("extensions", out var extensions) ? extensions.GetProperty("code").GetString()! : message.Raw;
                case "complete":
                    return "complete";
            }
        }

        return "stopped";
    }

    private void Record(string alertId)
    {
        var position = AlertIds.Position(alertId);
        lock (_gate)
        {
            if (!_heard.Add(position))
            {
                _twice.Add(position);
            }

            _cursor = alertId;
        }
    }

    private void Ended(string why)
    {
        lock (_gate)
        {
            _endings.Add(why);
        }
    }
}
