using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Analytics;
using CodeScan.Api.Tests.Support;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using static CodeScan.Api.Tests.Authorization.AuthorizationMatrixTests;

namespace CodeScan.Api.Tests.Authorization;

/// <summary>
/// Every CSV download × every kind of caller gets exactly the access of the GraphQL field it mirrors, as that field
/// declares it in the schema: 200 for those the field allows, 401 for the anonymous, 403 for everyone else.
/// </summary>
public abstract class ExportAuthorizationMatrixTests(StoreMode mode)
{
    /// <summary>Each download, with the root field whose figures and access it mirrors.</summary>
    private static readonly (string Field, Func<World, string> Path)[] Exports =
    [
        ("merchantSales", w => $"/merchants/{w.MerchantA.MerchantId}/exports/sales.csv?from=2026-01-01&to=2026-01-31"),
        ("merchantRecords", w => $"/merchants/{w.MerchantA.MerchantId}/exports/records.csv?from=2026-01-01&to=2026-01-31"),
        ("merchantLiability", w => $"/merchants/{w.MerchantA.MerchantId}/exports/liability.csv?asOf=2026-01-31"),
        ("merchantInstrumentPerformance", w => $"/merchants/{w.MerchantA.MerchantId}/exports/performance.csv?from=2026-01-01&to=2026-01-31"),
        ("platformSales", _ => "/platform/exports/sales.csv?from=2026-01-01&to=2026-01-31&currency=CNY"),
        ("merchantCustomers", w => $"/merchants/{w.MerchantA.MerchantId}/exports/customers.csv?from=2026-01-01&to=2026-01-31&granularity=WEEK"),
        ("platformCustomers", _ => "/platform/exports/customers.csv?from=2026-01-01&to=2026-01-31&currency=CNY"),
        ("platformInstrumentPerformance", _ => "/platform/exports/performance.csv?from=2026-01-01&to=2026-01-31&currency=CNY"),
    ];

    [Fact]
    public async Task EveryExport_ForEveryKindOfCaller_IsAllowedExactlyAsItsGraphQLField()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var world = await World.CreateAsync(host);
        var schema = host.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        var failures = new List<string>();
        foreach (var (field, path) in Exports)
        {
            var access = schema.Query.GetField(field)!.DeclaredAccess()!.Value;
            foreach (var actor in Enum.GetValues<Actor>())
            {
                var expected = Allowed[access].Contains(actor) ? 200 : actor == Actor.Anonymous ? 401 : 403;
                var got = await SalesExportCalls.GetAsync(host, world.TokenOf(actor), path(world));
                if (got.Status != expected)
                {
                    failures.Add($"{path(world)} as {actor} (like {field}, {access}): expected {expected}, got {got.Status} {got.Body}");
                }
                else if (expected == 200 && got.ContentType?.StartsWith("text/csv", StringComparison.Ordinal) != true)
                {
                    failures.Add($"{path(world)} as {actor}: {got.ContentType}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}

public sealed class EmbeddedExportAuthorizationMatrixTests() : ExportAuthorizationMatrixTests(StoreMode.Embedded);

public sealed class MariaDbExportAuthorizationMatrixTests() : ExportAuthorizationMatrixTests(StoreMode.MariaDbRedis);
