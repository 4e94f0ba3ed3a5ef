using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

// Not "…Tests.Console": a namespace by that name would hide System.Console from every test namespace.
namespace CodeScan.Api.Tests.MerchantConsole;

/// <summary>
/// The browser's network to the service: a TCP forwarder the page is opened through, which the test can
/// cut. A cut resets every open connection (the browser sees its WebSocket drop, the service sees the
/// socket go) and refuses new ones until <see cref="Restore"/> — what a till sees when its network drops,
/// with nothing changed in the page or the service. (Chromium's offline emulation was no substitute: it
/// refuses new connections but leaves an open WebSocket delivering.)
/// </summary>
public sealed class NetworkCut : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<int, (Socket Browser, Socket Service)> connections = new();
    private readonly Task accepting;
    private volatile bool cut;
    private int nextId;
    private int refused;

    private NetworkCut(Uri service)
    {
        target = new IPEndPoint(IPAddress.Parse(service.Host), service.Port);
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = AcceptAsync();
    }

    /// <summary>Where the browser reaches the service through this network.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Connections refused while the network was cut: the page's attempts to reconnect.</summary>
    public int Refused => Volatile.Read(ref refused);

    public static NetworkCut To(Uri service) => new(service);

    /// <summary>Drops every connection now and refuses new ones.</summary>
    public void Cut()
    {
        cut = true;
        foreach (var (id, pair) in connections)
        {
            connections.TryRemove(id, out _);
            Reset(pair.Browser);
            Reset(pair.Service);
        }
    }

    public void Restore() => cut = false;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Cut();
        await accepting;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket browser;
            try
            {
                browser = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (cut)
            {
                Interlocked.Increment(ref refused);
                Reset(browser);
                continue;
            }

            _ = ForwardAsync(browser);
        }
    }

    private async Task ForwardAsync(Socket browser)
    {
        var service = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await service.ConnectAsync(target, stopping.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException)
        {
            Reset(browser);
            Reset(service);
            return;
        }

        var id = Interlocked.Increment(ref nextId);
        connections[id] = (browser, service);
        if (cut && connections.TryRemove(id, out _))
        {
            // Cut while this one was being connected.
            Reset(browser);
            Reset(service);
            return;
        }

        await Task.WhenAny(PumpAsync(browser, service), PumpAsync(service, browser));
        connections.TryRemove(id, out _);
        Reset(browser);
        Reset(service);
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The connection was cut or closed: the other direction is reset with it.
        }
    }

    /// <summary>Closes with a TCP reset rather than a graceful close: a network drop, not a goodbye.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }
}
