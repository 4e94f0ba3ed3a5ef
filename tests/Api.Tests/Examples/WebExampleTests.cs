using System.Diagnostics;
using CodeScan.Api.Tests.Support;
using Xunit.Abstractions;

namespace CodeScan.Api.Tests.Examples;

/// <summary>
/// examples/web, the TypeScript client, run as its README says against the embedded service: its types are
/// generated from the service's introspection, so a change to the schema that breaks one of its operations
/// fails the type check here, and its demo signs in, pays and hears the till's alert.
/// </summary>
public sealed class WebExampleTests(ITestOutputHelper output)
{
    private const string Project = "examples/web";

    [Fact]
    public async Task WebExample_AgainstTheRunningService_GeneratesTypesTypeChecksAndHearsThePayment()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var customer = Phones.Next();
        var environment = new Dictionary<string, string>
        {
            ["CODESCAN_URL"] = host.GraphQLUri.ToString(),
            ["CODESCAN_OWNER_PHONE"] = Phones.Next(),
            ["CODESCAN_CUSTOMER_PHONE"] = customer,
        };

        await RunAsync("codegen", environment);
        await RunAsync("build", environment);
        var demo = await RunAsync("demo", environment);

        Assert.Contains(
            $"Alert: STORED_VALUE_REDEEMED 25.00 CNY \"Received 25.00 yuan from stored value, member ending {customer[^4..]}, balance 75.00 yuan.\"",
            demo,
            StringComparison.Ordinal);
        Assert.Contains("Wallet: 75.00 CNY", demo, StringComparison.Ordinal);
    }

    /// <summary>Runs one npm script to its end; it must exit 0. Returns what it printed.</summary>
    private async Task<string> RunAsync(string npmScript, IReadOnlyDictionary<string, string> environment)
    {
        var clock = Stopwatch.StartNew();
        using var script = NodeScript.StartNpm(Project, npmScript, environment);
        var (exitCode, printed) = await script.WaitAsync();
        output.WriteLine($"npm run {npmScript}: exit {exitCode} after {clock.Elapsed.TotalSeconds:F1} s\n{printed}{script.Errors}");
        Assert.True(exitCode == 0, $"npm run {npmScript} exited with {exitCode}:\n{printed}{script.Errors}");
        return printed;
    }
}
