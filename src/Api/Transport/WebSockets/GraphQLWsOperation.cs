namespace CodeScan.Api.Transport.WebSockets;

/// <summary>
/// One subscribe id on a socket. Either side may end it (the stream completes, the client sends
/// <c>complete</c>, the socket drops); the lock makes "ended" final, so no <c>next</c> follows a
/// <c>complete</c> or <c>error</c> for the same id.
/// </summary>
internal sealed class GraphQLWsOperation : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource cancellation;
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool finished;
    private bool disposed;

    public GraphQLWsOperation(string id, CancellationToken connectionClosed)
    {
        Id = id;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(connectionClosed);
        cancellation.Token.Register(() => ended.TrySetResult());
    }

    public string Id { get; }

    /// <summary>Cancelled when the client completes the operation or the socket closes.</summary>
    public CancellationToken Aborted => cancellation.Token;

    /// <summary>Completes when the operation has ended for any reason; a subscription waits on it.</summary>
    public Task Ended => ended.Task;

    /// <summary>Completes when the operation has released its subscription and scope.</summary>
    public Task Stopped => stopped.Task;

    /// <summary>Sends a message unless the operation has already ended.</summary>
    public bool TrySend(Func<bool> send)
    {
        lock (gate)
        {
            return !finished && send();
        }
    }

    /// <summary>Ends the operation from the server side with its last message; false when it had already ended.</summary>
    public bool TryFinish(Func<bool> lastMessage)
    {
        lock (gate)
        {
            if (finished)
            {
                return false;
            }

            finished = true;
            lastMessage();
        }

        ended.TrySetResult();
        return true;
    }

    /// <summary>Ends the operation without a message: the client completed it or the socket is gone.</summary>
    public void Cancel()
    {
        lock (gate)
        {
            finished = true;
            if (!disposed)
            {
                cancellation.Cancel();
            }
        }
    }

    public void MarkStopped() => stopped.TrySetResult();

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            cancellation.Dispose();
        }
    }
}
