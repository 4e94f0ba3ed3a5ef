namespace CodeScan.Api.Endpoints.GraphiQL;

/// <summary>
/// Whether browsers get the GraphiQL IDE at <c>GET /graphql</c> (configuration section <c>GraphQL:Ide</c>). It reads
/// the schema by introspection, so with <c>GraphQL:Introspection:Enabled</c> off it runs operations but cannot
/// complete, check or document them.
/// </summary>
public sealed class GraphiQLOptions
{
    public const string Section = "GraphQL:Ide";

    /// <summary>The IDE served; on in Development unless configured, off elsewhere.</summary>
    public bool Enabled { get; set; }

    public static GraphiQLOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var options = section.Get<GraphiQLOptions>() ?? new GraphiQLOptions();
        if (section[nameof(Enabled)] is null)
        {
            options.Enabled = environment.IsDevelopment();
        }

        return options;
    }
}
