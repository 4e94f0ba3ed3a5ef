namespace CodeScan.Api.Diagnostics;

/// <summary>
/// Whether validation errors suggest names (<c>Did you mean 'me'?</c>), configuration section
/// <c>GraphQL:Suggestions</c>. A suggestion tells a stranger the schema one guess at a time, as introspection
/// would; on in Development unless configured, off elsewhere.
/// </summary>
public sealed class SuggestionsOptions
{
    public const string Section = "GraphQL:Suggestions";

    public bool Enabled { get; set; }

    public static SuggestionsOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var options = section.Get<SuggestionsOptions>() ?? new SuggestionsOptions();
        if (section[nameof(Enabled)] is null)
        {
            options.Enabled = environment.IsDevelopment();
        }

        return options;
    }
}
