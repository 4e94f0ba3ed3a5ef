using System.Diagnostics;
using System.Text;
using System.Text.Json;

using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Transport;

/// <summary>
/// Runs <c>tests/clients/graphql-ws/subscribe.mjs</c>, i.e. the reference npm <c>graphql-ws</c> client,
/// against a server, and returns the <c>next</c> payloads it printed. Needs Node 20+ and <c>npm ci</c>
/// in that folder; without them the test fails with a message saying so.
/// </summary>
public sealed class GraphQLWsNodeClient : IAsyncDisposable
{
    private const string ClientFolder = "tests/clients/graphql-ws";

    private readonly Process process;
    private readonly TimeSpan timeout;
    private readonly StringBuilder standardOutput = new();
    private readonly StringBuilder standardError = new();

    private GraphQLWsNodeClient(Process process, TimeSpan timeout)
    {
        this.process = process;
        this.timeout = timeout;
    }

    /// <summary>What the script wrote to stderr so far ("connected", failure reasons).</summary>
    public string StandardError
    {
        get
        {
            lock (standardError)
            {
                return standardError.ToString();
            }
        }
    }

    /// <summary>The script's exit code, once <see cref="WaitAsync"/> has returned or thrown.</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <param name="url">The ws:// address of the GraphQL endpoint.</param>
    /// <param name="token">A bearer token sent as <c>connection_init</c> authorization, or null for anonymous.</param>
    /// <param name="query">The subscription (or query) document.</param>
    /// <param name="variables">Variables, serialized with System.Text.Json; null for none.</param>
    /// <param name="expectedCount">How many <c>next</c> payloads to wait for; 0 waits for completion.</param>
    /// <param name="timeout">How long the script may wait for them.</param>
    public static Task<GraphQLWsNodeClient> StartAsync(
        Uri url, string? token, string query, object? variables, int expectedCount, TimeSpan timeout)
    {
        var folder = Path.Combine(Repository.Root(), ClientFolder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql-ws")))
        {
            throw new InvalidOperationException(
                $"The graphql-ws Node client is not installed: run `npm ci` in {folder} before the tests.");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("NODE") ?? "node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("subscribe.mjs");
        AddArgument(start, "--url", url.ToString());
        AddArgument(start, "--query", query);
        AddArgument(start, "--count", expectedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddArgument(start, "--timeout", ((long)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (token is not null)
        {
            AddArgument(start, "--token", token);
        }

        if (variables is not null)
        {
            AddArgument(start, "--variables", JsonSerializer.Serialize(variables));
        }

        var process = new Process { StartInfo = start };
        var client = new GraphQLWsNodeClient(process, timeout);
        process.OutputDataReceived += (_, line) => Append(client.standardOutput, line.Data);
        process.ErrorDataReceived += (_, line) => Append(client.standardError, line.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException("Node.js (node) is not on PATH; the graphql-ws client tests need Node 20+.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult(client);
    }

    /// <summary>Waits for the script to exit and returns the payloads; throws with its stderr when it failed.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitAsync()
    {
        // The script enforces the timeout itself; the margin covers Node's start-up.
        using var cancellation = new CancellationTokenSource(timeout + TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The graphql-ws client did not exit. stderr: {StandardError}");
        }

        // The parameterless wait also drains the redirected streams.
        await process.WaitForExitAsync(CancellationToken.None);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The graphql-ws client exited with {process.ExitCode}. stderr: {StandardError.Trim()}");
        }

        string output;
        lock (standardOutput)
        {
            output = standardOutput.ToString();
        }

        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.Clone();
            })];
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void AddArgument(ProcessStartInfo start, string name, string value)
    {
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(value);
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.Append(line).Append('\n');
        }
    }
}
