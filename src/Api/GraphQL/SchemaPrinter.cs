using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL;

public static class SchemaPrinter
{
    /// <summary>The SDL that schema.graphql must equal, with Unix line endings and a final newline.</summary>
    public static string Print(ISchema schema)
    {
        schema.Initialize();
        return schema.Print().Replace("\r\n", "\n").TrimEnd() + "\n";
    }
}
