using System.Diagnostics;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Transport.Http;

/// <summary>
/// Apollo Client 4 itself (tests/clients/apollo/apq-batch.mjs), not a copy of its protocol: its PersistedQueryLink
/// registers a query after PersistedQueryNotFound and then runs it by hash alone (over GET too), and its
/// BatchHttpLink sends three queries as one POST whose answer is an array.
/// </summary>
public sealed class ApolloClientTests
{
    [Fact]
    public async Task PersistedQueryLinkAndBatchHttpLink_AgainstTheService_WorkAsApolloExpects()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var report = await RunAsync(host.GraphQLUri);

        var persisted = report["persisted"]!;
        Assert.Equal("Query", persisted["first"]!["__typename"]!.GetValue<string>());
        Assert.Equal(
            """[{"method":"POST","hasQuery":false},{"method":"POST","hasQuery":true}]""",
            new JsonArray([.. persisted["firstRequests"]!.AsArray().Select(r => (JsonNode)new JsonObject { ["method"] = r!["method"]!.GetValue<string>(), ["hasQuery"] = r["hasQuery"]!.GetValue<bool>() })]).ToJsonString());
        Assert.Equal("Query", persisted["second"]!["__typename"]!.GetValue<string>());
        Assert.Equal("""[{"method":"GET","hasQuery":false}]""", persisted["secondRequests"]!.ToJsonString());

        var batch = report["batch"]!;
        Assert.Equal("""[{"__typename":"Query"},{"me":null},{"a":"Query"}]""", batch["results"]!.ToJsonString());
        Assert.Equal("""[{"method":"POST","operations":3}]""", batch["requests"]!.ToJsonString());
    }

    private static Process Start(string script, params string[] arguments)
    {
        var folder = Path.Combine(Repository.Root(), "tests", "clients", "apollo");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@apollo")), $"Run `npm ci` in {folder} first (./scripts/test.sh does).");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("NODE") ?? "node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<JsonNode> RunAsync(Uri url)
    {
        using var process = Start("apq-batch.mjs", url.ToString());
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"apq-batch.mjs failed: {await error}");
        return JsonNode.Parse(await output)!;
    }
}
