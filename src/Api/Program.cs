using CodeScan.Api;
using CodeScan.Api.GraphQL;
using CodeScan.Infrastructure.Persistence;
using GraphQL.Types;

// Commands: (none) serve · migrate · print-schema [file]
var command = args.FirstOrDefault(a => !a.StartsWith('-'));
var builder = CodeScanApp.CreateBuilder(args.Where(a => a != command).ToArray());

switch (command)
{
    case "migrate":
        await builder.Build().Services.MigrateDatabaseAsync();
        Console.WriteLine("Database is up to date.");
        return;
    case "print-schema":
        var sdl = SchemaPrinter.Print(builder.Build().Services.GetRequiredService<ISchema>());
        var file = args.SkipWhile(a => a != command).Skip(1).FirstOrDefault();
        if (file is null)
        {
            Console.Write(sdl);
        }
        else
        {
            await File.WriteAllTextAsync(file, sdl);
        }

        return;
}

var app = await CodeScanApp.BuildAsync(builder);
await app.RunAsync();

public partial class Program;
