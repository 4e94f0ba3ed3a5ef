using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// Issue 10, start-up: the built service, started as its own process from an unrelated working directory
/// with <c>--urls</c>, listens where it was told and reads its appsettings (the Development admin is an admin);
/// and the README's walkthrough, run by bash as written, gets a merchant approved.
/// </summary>
public sealed partial class StartUpTests
{
    [Fact]
    public async Task Service_StartedFromAnotherDirectoryWithUrls_ListensThereAndReadsItsSettings()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("codescan-startup-").FullName;
        var port = FreePort();
        var output = new StringBuilder();
        using var service = Start(workingDirectory, $"http://127.0.0.1:{port}", output);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilReadyAsync(http, service, output);

            await GraphQLAsync(http, null, """mutation { requestSignInCode(input: { phone: "13800000000" }) { errors { code } } }""");
            var code = SignInCode().Matches(Locked(output, o => o.ToString())).Last().Groups[1].Value;
            var signedIn = await GraphQLAsync(http, null, $$"""mutation { signIn(input: { phone: "13800000000", code: "{{code}}" }) { accessToken } }""");
            var me = await GraphQLAsync(http, signedIn["signIn"]!["accessToken"]!.GetValue<string>(), "{ me { isPlatformAdmin } }");

            Assert.True(me["me"]!["isPlatformAdmin"]!.GetValue<bool>(), "appsettings.Development.json was not read: the Development admin is not an admin.");
            Assert.True(Directory.Exists(Path.Combine(workingDirectory, "data")), "the SQLite file belongs in the working directory's data/");
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task ReadmeWalkthrough_RunAsWritten_EndsWithAnApprovedMerchant()
    {
        const string readmeAddress = "http://127.0.0.1:5080";
        Assert.True(IsFree(5080), "port 5080, where the README's service listens, is taken by another process");
        var workingDirectory = Directory.CreateTempSubdirectory("codescan-readme-").FullName;
        var output = new StringBuilder();
        using var service = Start(workingDirectory, url: null, output);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(readmeAddress), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilReadyAsync(http, service, output);

            var (exitCode, printed) = await RunBashAsync(workingDirectory, ReadmeWalkthrough());

            Assert.True(exitCode == 0, printed);
            Assert.Matches("""merchant [A-Za-z0-9_-]{20,}""", printed);
            Assert.Contains("""{"data":{"approveMerchant":{"merchant":{"id":""", printed, StringComparison.Ordinal);
            Assert.Contains(""","status":"APPROVED"},"errors":[]}}}""", printed, StringComparison.Ordinal);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    /// <summary>The README's first <c>sh</c> block after it introduces the Development inbox.</summary>
    private static string ReadmeWalkthrough()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md"));
        var block = readme.IndexOf("```sh\n", readme.IndexOf("**Development inbox**", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(block > 0, "README.md has no sh block after the Development inbox");
        var start = block + "```sh\n".Length;
        return readme[start..readme.IndexOf("```\n", start, StringComparison.Ordinal)];
    }

    private static async Task<(int ExitCode, string Printed)> RunBashAsync(string workingDirectory, string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        var printed = new StringBuilder();
        using var bash = new Process { StartInfo = start };
        bash.OutputDataReceived += (_, e) => Locked(printed, p => p.AppendLine(e.Data));
        bash.ErrorDataReceived += (_, e) => Locked(printed, p => p.AppendLine(e.Data));
        bash.Start();
        bash.BeginOutputReadLine();
        bash.BeginErrorReadLine();
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await bash.WaitForExitAsync(timeout.Token);
        return (bash.ExitCode, Locked(printed, p => p.ToString()));
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <param name="url">Null: where its appsettings.json says (the README's address).</param>
    private static Process Start(string workingDirectory, string? url, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "CodeScan.Api.dll"), "--environment", "Development" })
        {
            start.ArgumentList.Add(arg);
        }

        if (url is not null)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(url);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Locked(output, o => o.AppendLine(e.Data));
        process.ErrorDataReceived += (_, e) => Locked(output, o => o.AppendLine(e.Data));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls /readyz until the service answers ready; gives up if the process exits.</summary>
    private static async Task WaitUntilReadyAsync(HttpClient http, Process service, StringBuilder output)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.False(service.HasExited, "the service exited: " + Locked(output, o => o.ToString()));
            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("the service did not get ready: " + Locked(output, o => o.ToString()));
    }

    private static async Task<JsonNode> GraphQLAsync(HttpClient http, string? token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["data"] ?? throw new InvalidOperationException(body.ToJsonString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static T Locked<T>(StringBuilder output, Func<StringBuilder, T> read)
    {
        lock (output)
        {
            return read(output);
        }
    }

    [GeneratedRegex("验证码是 ([0-9]{6})")]
    private static partial Regex SignInCode();
}
