namespace CodeScan.Api.Tests.Api;

/// <summary>
/// Issue 10, start-up: a command and host settings work together, and settings files are found wherever the
/// service is started from.
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "--urls", "http://127.0.0.1:8080" }, null, null, new[] { "--urls", "http://127.0.0.1:8080" })]
    [InlineData(new[] { "--Platform:AdminPhones:0=+8613800000000" }, null, null, new[] { "--Platform:AdminPhones:0=+8613800000000" })]
    [InlineData(new[] { "migrate", "--ConnectionStrings:MySql", "Server=db" }, "migrate", null, new[] { "--ConnectionStrings:MySql", "Server=db" })]
    [InlineData(new[] { "print-schema", "schema.graphql", "--urls", "http://x" }, "print-schema", "schema.graphql", new[] { "--urls", "http://x" })]
    [InlineData(new[] { "print-schema", "--environment", "Production" }, "print-schema", null, new[] { "--environment", "Production" })]
    [InlineData(new[] { "rebuild-read-models" }, "rebuild-read-models", null, new string[0])]
    [InlineData(new[] { "rebuild-read-models", "--Rebuild:BatchSize", "5000", "--Redis:KeyPrefix=shop1:" }, "rebuild-read-models", null, new[] { "--Rebuild:BatchSize", "5000", "--Redis:KeyPrefix=shop1:" })]
    public void Parse_SeparatesTheCommandFromHostSettings(string[] args, string? command, string? file, string[] hostArgs)
    {
        var parsed = CommandLine.Parse(args);

        Assert.Equal(command, parsed.Command);
        Assert.Equal(file, parsed.File);
        Assert.Equal(hostArgs, parsed.HostArgs);
    }

    [Fact]
    public void Builder_WhateverTheWorkingDirectory_ReadsSettingsFromTheAppFolder()
    {
        var builder = CodeScanApp.CreateBuilder(["--urls", "http://127.0.0.1:8080"]);

        Assert.Equal(
            Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory),
            Path.TrimEndingDirectorySeparator(builder.Environment.ContentRootPath));
        Assert.Equal("http://127.0.0.1:8080", builder.Configuration["urls"]);
        Assert.Equal("Data Source=data/codescan.db", builder.Configuration["ConnectionStrings:Sqlite"]);
    }
}
