using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// A redis-server process of the test's own, on a free 127.0.0.1 port, persisting every write to an
/// append-only file in a temp directory (appendfsync always), so it can be killed with SIGKILL and started
/// again on the same port and directory with everything it acknowledged. Without the append-only file it keeps
/// nothing (no snapshots either): started again, it is empty, as a cache-only Redis comes back.
/// </summary>
public sealed class ResilienceRedisServer : IAsyncDisposable
{
    private Process? _process;

    private readonly bool _appendOnly;

    private ResilienceRedisServer(int port, string directory, bool appendOnly)
    {
        Port = port;
        Directory = directory;
        _appendOnly = appendOnly;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>Short timeouts, and no abort on connect, as a node must run while Redis is away.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=500,syncTimeout=500";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<ResilienceRedisServer> StartAsync(bool appendOnly = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "codescan-tests", "redis-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var server = new ResilienceRedisServer(FreePort(), directory, appendOnly);
        try
        {
            await server.RestartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts redis-server (again) on the same port and directory and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("redis-server is already running.");
        }

        _process?.Dispose();
        var start = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--protected-mode", "no",
            "--daemonize", "no",
            "--dir", Directory,
            "--appendonly", _appendOnly ? "yes" : "no",
            "--appendfsync", "always",
            "--save", string.Empty,
            "--logfile", Path.Combine(Directory, "redis.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await PingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(Directory, "redis.log");
                throw new InvalidOperationException(
                    $"redis-server on port {Port} did not answer PING (exited: {_process.HasExited}). Log:\n" + (File.Exists(log) ? await File.ReadAllTextAsync(log) : "(none)"));
            }

            await Task.Delay(25);
        }
    }

    /// <summary>kill -9: no shutdown, no final fsync, connections dropped mid-command.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process?.Dispose();
            _process = null;
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
