using System.Reflection;
using CodeScan.Domain.Common;
using NetArchTest.Rules;

namespace CodeScan.Api.Tests.Architecture;

/// <summary>
/// The floors of decision 0011: what each layer may not depend on. Type-level rules go through
/// NetArchTest; the EF Core split goes through the assembly's references, because Relational's and the
/// providers' extension methods (<c>ExecuteSqlRaw</c>, <c>FromSql</c>, <c>IsSqlite</c>, <c>UseMySql</c>) live in
/// the namespace <c>Microsoft.EntityFrameworkCore</c> like <c>DbSet</c> does, so only the assembly tells them apart.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Money).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;

    private static readonly string[] EfCoreItself = ["Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions"];

    private static readonly string[] ProvidersAndOuterLayers =
    [
        "Pomelo.EntityFrameworkCore.MySql", "MySqlConnector", "Microsoft.Data.Sqlite",
        "StackExchange.Redis", "GraphQL", "CodeScan.Infrastructure", "CodeScan.Api",
    ];

    [Fact]
    public void Domain_DependsOnNoOtherLayerAndNoFramework() =>
        AssertNoDependency(Domain,
            "CodeScan.Application", "CodeScan.Infrastructure", "CodeScan.Api",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions",
            "StackExchange.Redis", "GraphQL", "Mediator");

    [Fact]
    public void Domain_DependsOnTheBaseClassLibraryOnly()
    {
        // Our types only: the compiler adds its own (collection expressions' <>z__ReadOnlyArray,
        // Microsoft.CodeAnalysis.EmbeddedAttribute beside the nullable attributes).
        var result = Types.InAssembly(Domain).That().ResideInNamespaceStartingWith("CodeScan.Domain").Should()
            .OnlyHaveDependenciesOn("System", "CodeScan.Domain")
            .GetResult();

        Assert.True(result.IsSuccessful, Failures("Domain reaches beyond the BCL", result));
    }

    [Fact]
    public void Application_DependsOnNoOuterLayerAndNoInfrastructureLibrary() =>
        AssertNoDependency(Application,
            "CodeScan.Infrastructure", "CodeScan.Api",
            "StackExchange.Redis", "Microsoft.AspNetCore", "GraphQL",
            "Pomelo", "MySqlConnector", "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite");

    /// <summary>
    /// Application reads and writes through <c>IApplicationDbContext</c>'s <c>DbSet</c>s (EF Core's own
    /// assembly: <c>DbSet</c>, LINQ operators, <c>Include</c>, <c>AsNoTracking</c>), never through
    /// Relational or a provider: raw SQL, transactions and provider checks belong to Infrastructure.
    /// </summary>
    [Fact]
    public void Application_UsesEfCoreButNotRelationalNorAProvider()
    {
        var references = ReferencedAssemblyNames(Application);
        var efAssemblies = references.Where(name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

        Assert.Contains("Microsoft.EntityFrameworkCore", references);
        Assert.All(efAssemblies, name => Assert.Contains(name, EfCoreItself));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Empty(references.Intersect(ProvidersAndOuterLayers));
    }

    [Fact]
    public void Infrastructure_NeverReferencesTheApi()
    {
        AssertNoDependency(Infrastructure, "CodeScan.Api");
        Assert.DoesNotContain("CodeScan.Api", ReferencedAssemblyNames(Infrastructure));
    }

    private static void AssertNoDependency(Assembly layer, params string[] forbidden)
    {
        var result = Types.InAssembly(layer).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, Failures($"{layer.GetName().Name} depends on one of {string.Join(", ", forbidden)}", result));
    }

    private static string Failures(string rule, TestResult result) =>
        $"{rule}: {string.Join(", ", result.FailingTypeNames ?? [])}";

    private static List<string> ReferencedAssemblyNames(Assembly layer) =>
        [.. layer.GetReferencedAssemblies().Select(name => name.Name ?? string.Empty)];
}
