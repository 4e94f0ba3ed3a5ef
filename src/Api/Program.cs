using CodeScan.Api;
using CodeScan.Api.GraphQL;
using CodeScan.Infrastructure.Persistence;
using GraphQL.Types;

// Commands: (none) serve · migrate · print-schema [file] · rebuild-read-models; host settings (--urls, --Key value) after any of them.
var commandLine = CommandLine.Parse(args);
var builder = CodeScanApp.CreateBuilder(commandLine.HostArgs);

switch (commandLine.Command)
{
    case CommandLine.Migrate:
        await builder.Build().Services.MigrateDatabaseAsync();
        Console.WriteLine("Database is up to date.");
        return;
    case CommandLine.PrintSchema:
        var sdl = SchemaPrinter.Print(builder.Build().Services.GetRequiredService<ISchema>());
        if (commandLine.File is not { } file)
        {
            Console.Write(sdl);
        }
        else
        {
            await File.WriteAllTextAsync(file, sdl);
        }

        return;
    case CommandLine.RebuildReadModels:
        Environment.ExitCode = await CodeScan.Api.Commands.RebuildReadModelsCommand.RunAsync(builder, Console.Out, Console.Error);
        return;
}

var app = await CodeScanApp.BuildAsync(builder);
await app.RunAsync();

public partial class Program;
