using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

// Not "…Tests.Console": a namespace by that name would hide System.Console from every test namespace.
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.MerchantConsole;

/// <summary>
/// The merchant console in the system's headless Chromium, driven by <c>tests/clients/console/drive.mjs</c>
/// (npm <c>puppeteer-core</c>) one command at a time: type, click, select, and snapshots of what the page
/// shows and what it asked the browser to speak. Without Node, <c>npm ci</c> in that folder, or Chromium,
/// the test fails with a message saying which is missing.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private const string ClientFolder = "tests/clients/console";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Process process;
    private readonly StringBuilder standardError = new();
    private readonly SemaphoreSlim oneCommandAtATime = new(1, 1);

    private ConsoleBrowser(Process process) => this.process = process;

    public static ConsoleBrowser Start()
    {
        var folder = Path.Combine(Repository.Root(), ClientFolder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "puppeteer-core")))
        {
            throw new InvalidOperationException(
                $"puppeteer-core is not installed: run `npm ci` in {folder} (./scripts/test.sh does) before the tests.");
        }

        var chromium = FindChromium() ?? throw new InvalidOperationException(
            "Chromium was not found (CODESCAN_CHROMIUM, or chromium on PATH): install Debian's chromium package "
            + "(./scripts/test.sh does) to run the merchant console tests.");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("NODE") ?? "node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("drive.mjs");
        start.Environment["CODESCAN_CHROMIUM"] = chromium;

        var process = new Process { StartInfo = start };
        var browser = new ConsoleBrowser(process);
        process.ErrorDataReceived += (_, line) =>
        {
            lock (browser.standardError)
            {
                browser.standardError.Append(line.Data).Append('\n');
            }
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException("Node.js (node) is not on PATH; the merchant console tests need Node 20+.", exception);
        }

        process.BeginErrorReadLine();
        return browser;
    }

    /// <summary>Opens the page and returns its HTTP response headers.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OpenAsync(Uri url)
    {
        var result = await SendAsync(new { cmd = "open", url = url.ToString() });
        return result!["headers"]!.AsObject().ToDictionary(header => header.Key, header => header.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }

    public Task TypeAsync(string selector, string text) => SendAsync(new { cmd = "type", selector, text });

    public Task ClickAsync(string selector) => SendAsync(new { cmd = "click", selector });

    public Task SelectAsync(string selector, string value) => SendAsync(new { cmd = "select", selector, value });

    public async Task<ConsoleSnapshot> SnapshotAsync()
    {
        var result = await SendAsync(new { cmd = "snapshot" });
        return result.Deserialize<ConsoleSnapshot>(Json) ?? throw new InvalidOperationException("The driver sent an empty snapshot.");
    }

    /// <summary>Clicks a link and waits for the page it opens, in the same tab; returns its address.</summary>
    public async Task<string> FollowAsync(string selector) =>
        (await SendAsync(new { cmd = "follow", selector }))!["url"]!.GetValue<string>();

    /// <summary>Opens another page in the same tab, whose sessionStorage it keeps.</summary>
    public Task GoToAsync(Uri url) => SendAsync(new { cmd = "goto", url = url.ToString() });

    /// <summary>Another page's snapshot, by the driver command that reads it (e.g. <c>dashboard</c>).</summary>
    public async Task<T> ReadAsync<T>(string command)
    {
        var result = await SendAsync(new { cmd = command });
        return result.Deserialize<T>(Json) ?? throw new InvalidOperationException($"The driver sent an empty {command} snapshot.");
    }

    /// <summary>Polls snapshots until <paramref name="condition"/> holds; fails with the last one when it does not.</summary>
    public async Task<ConsoleSnapshot> WaitUntilAsync(Func<ConsoleSnapshot, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var snapshot = await SnapshotAsync();
            if (condition(snapshot))
            {
                return snapshot;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited in vain for {what}. The page: {JsonSerializer.Serialize(snapshot, Json)}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await SendAsync(new { cmd = "close" }, TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or OperationCanceledException or IOException)
        {
            // Closing is best effort; the process tree is killed below either way.
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            oneCommandAtATime.Dispose();
        }
    }

    private async Task<JsonNode?> SendAsync(object command, TimeSpan? timeout = null)
    {
        await oneCommandAtATime.WaitAsync();
        try
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The console driver exited with {process.ExitCode}. stderr: {StandardError()}");
            }

            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
            await process.StandardInput.FlushAsync();
            using var cancellation = new CancellationTokenSource(timeout ?? CommandTimeout);
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The console driver did not answer {JsonSerializer.Serialize(command)}. stderr: {StandardError()}");
            }

            if (line is null)
            {
                await process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException($"The console driver exited with {process.ExitCode}. stderr: {StandardError()}");
            }

            var answer = JsonNode.Parse(line)!.AsObject();
            if (answer["ok"]!.GetValue<bool>() != true)
            {
                throw new InvalidOperationException($"The console driver failed {JsonSerializer.Serialize(command)}: {answer["error"]}");
            }

            return answer["result"];
        }
        finally
        {
            oneCommandAtATime.Release();
        }
    }

    private string StandardError()
    {
        lock (standardError)
        {
            return standardError.ToString().Trim();
        }
    }

    internal static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CODESCAN_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
