using System.Runtime.CompilerServices;

namespace CodeScan.Api.Tests.Support;

/// <summary>Where the repository is, for tests that read its files (schema.graphql, sources, the Node clients).</summary>
public static class Repository
{
    /// <summary>The folder holding CodeScan.sln: above the test binaries, or else above this source file.</summary>
    public static string Root() =>
        FindUpwards(AppContext.BaseDirectory) ?? FindUpwards(Path.GetDirectoryName(ThisFile())!)
            ?? throw new InvalidOperationException("CodeScan.sln was not found above the test binaries or sources.");

    /// <summary>
    /// The composition root as <c>print-schema</c> builds it, never started (embedded SQLite in a fresh file).
    /// </summary>
    public static Microsoft.AspNetCore.Builder.WebApplication UnstartedApp(string purpose)
    {
        var builder = CodeScanApp.CreateBuilder(
            new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory },
            b => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(b.Configuration, new Dictionary<string, string?>
            {
                ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(Path.GetTempPath(), "codescan-tests", purpose + "-" + Guid.NewGuid().ToString("N") + ".db")}",
            }));
        return builder.Build();
    }

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CodeScan.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
