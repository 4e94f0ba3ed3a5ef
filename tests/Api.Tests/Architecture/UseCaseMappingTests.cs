using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Support;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Architecture;

/// <summary>
/// Issue 9: from a root field of schema.graphql a newcomer finds exactly two folders, the field's file in
/// <c>src/Api/GraphQL/&lt;Area&gt;/&lt;UseCase&gt;.cs</c> and its use case in <c>src/Application/&lt;Area&gt;/&lt;UseCase&gt;/</c>.
/// </summary>
public sealed class UseCaseMappingTests
{
    [Fact]
    public async Task EveryRootFieldOfTheSchema_IsDeclaredInTheApiFileOfAnApplicationUseCase()
    {
        var root = Repository.Root();
        await using var app = Repository.UnstartedApp("mapping");
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var problems = new List<string>();

        foreach (var (rootType, fieldName) in RootFieldsOf(await File.ReadAllTextAsync(Path.Combine(root, "schema.graphql"))))
        {
            var field = RootTypeOf(schema, rootType).GetField(fieldName);
            if (field?.GetMetadata<Type?>(RootType.UseCaseKey) is not { } declaredBy)
            {
                problems.Add($"{rootType}.{fieldName} is not registered with Add<TUseCase>() in {rootType}.cs");
                continue;
            }

            var area = AreaOf(declaredBy);
            var apiFile = Path.Combine(root, "src", "Api", "GraphQL", area, declaredBy.Name + ".cs");
            var useCaseFolder = Path.Combine(root, "src", "Application", area, declaredBy.Name);
            if (!File.Exists(apiFile))
            {
                problems.Add($"{rootType}.{fieldName}: {Path.GetRelativePath(root, apiFile)} does not exist ({declaredBy.FullName} declares it)");
            }

            if (!Directory.Exists(useCaseFolder))
            {
                problems.Add($"{rootType}.{fieldName}: no use case folder {Path.GetRelativePath(root, useCaseFolder)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EveryRootFieldClass_DeclaresExactlyOneField()
    {
        foreach (var type in typeof(RootType).Assembly.GetTypes().Where(t => t.IsClass && typeof(IRootField).IsAssignableFrom(t)))
        {
            var probe = new ObjectGraphType();
            type.GetMethod(nameof(IRootField.AddTo))!.Invoke(null, [probe]);
            Assert.True(probe.Fields.Count == 1, $"{type.FullName} declares {probe.Fields.Count} fields; one file holds one field.");
        }
    }

    /// <summary>The root fields as schema.graphql lists them: the contract, not the code.</summary>
    private static IEnumerable<(string RootType, string Field)> RootFieldsOf(string sdl) =>
        GraphQLParser.Parser.Parse(sdl).Definitions
            .OfType<GraphQLObjectTypeDefinition>()
            .Where(t => t.Name.StringValue is "Query" or "Mutation" or "Subscription")
            .SelectMany(t => t.Fields!.Items.Select(f => (t.Name.StringValue, f.Name.StringValue)));

    private static IComplexGraphType RootTypeOf(ISchema schema, string name) => name switch
    {
        "Query" => schema.Query,
        "Mutation" => schema.Mutation!,
        _ => schema.Subscription!,
    };

    /// <summary><c>CodeScan.Api.GraphQL.Redemptions</c> ⇒ <c>Redemptions</c>.</summary>
    private static string AreaOf(Type declaredBy)
    {
        const string Prefix = "CodeScan.Api.GraphQL.";
        var ns = declaredBy.Namespace ?? string.Empty;
        return ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..] : "(outside GraphQL/<Area>)";
    }
}
