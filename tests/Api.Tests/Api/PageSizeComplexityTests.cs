using System.Net;
using System.Text;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Transport;
using global::GraphQL;
using global::GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// The complexity limit fits the contract: every query field, asked for a full page (the documented maximum of
/// 100) with every field it can reach, passes validation and runs. A query built by walking the schema, so a
/// field added later is covered too.
/// </summary>
public sealed class PageSizeComplexityTests
{
    private const int MaxPageSize = 100;
    private static readonly int MaxDepth = new RequestLimitsOptions().MaxDepth;

    public static TheoryData<string> QueryFields()
    {
        using var app = Repository.UnstartedApp("page-size-complexity");
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var data = new TheoryData<string>();
        foreach (var field in schema.Query.Fields.Where(f => !f.Name.StartsWith("__")))
        {
            data.Add(field.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QueryFields))]
    public async Task QueryField_AtItsMaximumPageWithEveryField_PassesTheLimits(string fieldName)
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var schema = host.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var query = "{ " + Select(schema.Query.GetField(fieldName)!, depth: 1, path: []) + " }";

        var response = await ApiCalls.PostAsync(host, query, accept: ApiCalls.GraphQLResponseJson);

        // 200 means it passed validation (the limits among it) and ran; an anonymous caller may still be refused inside.
        Assert.True(response.Status == HttpStatusCode.OK, $"{query}\n{response}");
    }

    [Fact]
    public async Task Refusal_SaysWhichFieldCostWhat()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        const string query = "{ alerts: merchantAlerts(merchantId: \"TWVyY2hhbnQ6MQ\", first: 100000) { nodes { id spokenText } pageInfo { hasNextPage } } me { id } }";

        var response = await ApiCalls.PostAsync(host, query, accept: ApiCalls.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var message = response.Json["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("its complexity is 20,020.4; the maximum allowed on this endpoint is 3,000.", message);
        Assert.Contains("It costs: alerts: merchantAlerts 20,010.3, me 10.1.", message);
        Assert.Contains("Inside alerts: merchantAlerts: nodes 20,000.1, pageInfo 0.2.", message);
    }

    private static string Select(FieldType field, int depth, HashSet<IGraphType> path)
    {
        var text = new StringBuilder(field.Name);
        var arguments = ((IEnumerable<QueryArgument>?)field.Arguments ?? []).Select(Argument).OfType<string>().ToList();
        if (arguments.Count > 0)
        {
            text.Append('(').AppendJoin(", ", arguments).Append(')');
        }

        var type = field.ResolvedType!.GetNamedType();
        if (type is ScalarGraphType or EnumerationGraphType)
        {
            return text.ToString();
        }

        return text.Append(" { ").Append(SelectionSet(type, depth, path)).Append(" }").ToString();
    }

    private static string SelectionSet(IGraphType type, int depth, HashSet<IGraphType> path)
    {
        if (type is IAbstractGraphType abstractType)
        {
            return "__typename " + string.Join(' ', abstractType.PossibleTypes.Select(t => $"... on {t.Name} {{ {SelectionSet(t, depth, path)} }}"));
        }

        var inner = new HashSet<IGraphType>(path) { type };
        var fields = ((IComplexGraphType)type).Fields
            .Where(f => Expandable(f.ResolvedType!.GetNamedType(), depth, inner))
            .Select(f => Select(f, depth + 1, inner));
        return string.Join(' ', fields);
    }

    /// <summary>Leaves always; objects while the depth limit leaves room and the type is not already on the path.</summary>
    private static bool Expandable(IGraphType type, int depth, HashSet<IGraphType> path) =>
        type is ScalarGraphType or EnumerationGraphType || (depth + 1 < MaxDepth && !path.Contains(type));

    private static string? Argument(QueryArgument argument)
    {
        if (argument.Name is "first" or "last")
        {
            return argument.Name == "first" ? $"first: {MaxPageSize}" : null;
        }

        if (argument.ResolvedType is not NonNullGraphType required)
        {
            return null;
        }

        var value = required.ResolvedType!.GetNamedType() switch
        {
            IdGraphType or StringGraphType => "\"TWVyY2hhbnQ6MQ\"",
            IntGraphType or LongGraphType => "100",
            BooleanGraphType => "true",
            DateOnlyGraphType => "\"2026-01-01\"",
            EnumerationGraphType enumeration => enumeration.Values.First().Name,
            var other => throw new InvalidOperationException($"No sample value for a required {other.Name} argument; add one."),
        };
        return $"{argument.Name}: {value}";
    }
}
