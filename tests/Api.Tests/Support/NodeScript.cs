using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// A Node.js script of tests/clients/… (or an npm script of examples/…) run beside the service under test. Its output arrives through events, never
/// by blocking a thread on the pipe: the service shares this process's thread pool, and blocked reads stalled it.
/// </summary>
public sealed class NodeScript : IDisposable
{
    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder errors = new();

    private NodeScript(Process process) => this.process = process;

    /// <param name="client">The folder under tests/clients, e.g. "apollo"; its node_modules must be installed.</param>
    public static NodeScript Start(string client, string script, params string[] arguments) =>
        Launch(
            Path.Combine("tests", "clients", client),
            Environment.GetEnvironmentVariable("NODE") ?? "node",
            [script, .. arguments],
            new Dictionary<string, string>());

    /// <summary>One of the <c>scripts</c> of a Node project's package.json, e.g. examples/web's <c>npm run demo</c>.</summary>
    /// <param name="project">The project's folder from the repository's root; its node_modules must be installed.</param>
    public static NodeScript StartNpm(string project, string npmScript, IReadOnlyDictionary<string, string> environment) =>
        Launch(project, "npm", ["run", "--silent", npmScript], environment);

    private static NodeScript Launch(string project, string program, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var folder = Path.Combine(Repository.Root(), project);
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules")), $"Run `npm ci` in {folder} first (./scripts/test.sh does).");
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var running = new NodeScript(new Process { StartInfo = start, EnableRaisingEvents = true });
        running.process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                running.lines.Writer.TryWrite(text);
            }
            else
            {
                running.lines.Writer.TryComplete();
            }
        };
        running.process.ErrorDataReceived += (_, line) => running.AppendError(line.Data);
        running.process.Start();
        running.process.BeginOutputReadLine();
        running.process.BeginErrorReadLine();
        return running;
    }

    /// <summary>What the script wrote to stderr so far.</summary>
    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>The next line the script printed; fails with what it said on stderr when it printed none.</summary>
    public async Task<string> NextLineAsync()
    {
        try
        {
            return await lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (Exception exception) when (exception is TimeoutException or ChannelClosedException)
        {
            try
            {
                // Whatever it said on stderr has arrived once it has exited.
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
            }

            throw new Xunit.Sdk.XunitException($"The script printed no line ({exception.GetType().Name}): {Errors}");
        }
    }

    /// <summary>Everything the script prints until it exits, and its exit code.</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync()
    {
        var output = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var line in lines.Reader.ReadAllAsync(timeout.Token))
        {
            output.AppendLine(line);
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, output.ToString());
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void AppendError(string? line)
    {
        lock (errors)
        {
            errors.AppendLine(line);
        }
    }
}
