namespace CodeScan.Api;

/// <summary>
/// The service's command line: an optional command first (<c>migrate</c>, <c>print-schema [file]</c>,
/// <c>rebuild-read-models</c>), then
/// host settings (<c>--urls http://…</c>, <c>--Key value</c>, <c>--Key=value</c>), which go to configuration
/// whether or not a command came first.
/// </summary>
public sealed record CommandLine(string? Command, string? File, string[] HostArgs)
{
    public const string Migrate = "migrate";
    public const string PrintSchema = "print-schema";
    public const string RebuildReadModels = "rebuild-read-models";

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not (Migrate or PrintSchema or RebuildReadModels))
        {
            return new CommandLine(null, null, args);
        }

        var file = args[0] == PrintSchema && args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null;
        return new CommandLine(args[0], file, args.Skip(file is null ? 1 : 2).ToArray());
    }
}
