using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// What graphql-codegen, GraphiQL, Altair and IDE plugins do first: graphql-js's own introspection query with every
/// option on. It succeeds in Development, builds the schema the repository publishes, and keeps its own limits;
/// outside Development it is off unless configured.
/// </summary>
public sealed class IntrospectionTests
{
    [Fact]
    public async Task GraphQLJsIntrospection_WithEveryOption_BuildsTheSchemaInSchemaGraphql()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var (exitCode, output, error) = await RunIntrospectAsync(host.GraphQLUri, Path.Combine(Repository.Root(), "schema.graphql"));

        Assert.True(exitCode == 0, $"introspect.mjs failed: {error}");
        Assert.Contains("type Wallet", output);
    }

    [Fact]
    public async Task Introspection_WhenItNestsListsBeyondWhatAnyToolAsks_IsRefusedByItsOwnLimit()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var answer = await host.GraphQLAsync(null,
            "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }");

        Assert.Null(answer["data"]);
        Assert.Contains("Introspection is too complex", answer.ErrorMessages());
    }

    [Fact]
    public async Task DataQuery_MixedWithIntrospection_KeepsTheOrdinaryDepthLimit()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        const string deepTypeRef = "__type(name: \"Wallet\") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }";

        var mixed = await host.GraphQLAsync(null, "{ me { id } " + deepTypeRef + " }");
        var alone = await host.GraphQLAsync(null, "{ " + deepTypeRef + " }");

        Assert.Contains("maximum allowed on this endpoint is 12", mixed.ErrorMessages());
        Assert.Null(alone["errors"]);
    }

    [Fact]
    public async Task Introspection_InProduction_IsRefusedUnlessConfiguredOn()
    {
        await using var off = await CodeScanHost.StartProductionAsync(_ => { });
        await using var on = await CodeScanHost.StartProductionAsync(s => s["GraphQL:Introspection:Enabled"] = "true");

        var refused = await off.GraphQLAsync(null, "{ __schema { queryType { name } } }");
        var typename = await off.GraphQLAsync(null, "{ __typename }");
        var allowed = await on.GraphQLAsync(null, "{ __schema { queryType { name } } }");

        Assert.Null(refused["data"]);
        Assert.Contains("introspection", refused.ErrorMessages(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Query", typename["data"]?["__typename"]?.GetValue<string>());
        Assert.Equal("Query", allowed.Data("__schema")["queryType"]!["name"]!.GetValue<string>());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunIntrospectAsync(Uri url, string schemaFile)
    {
        using var script = NodeScript.Start("graphql-ws", "introspect.mjs", url.ToString(), schemaFile);
        var (exitCode, output) = await script.WaitAsync();
        return (exitCode, output, script.Errors);
    }
}
