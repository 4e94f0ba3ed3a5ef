using CodeScan.Api.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeScan.Api.Tests.Architecture;

/// <summary>
/// Issue 9's floors for how the code reads: no file under src/ (generated migrations aside) over 200 lines,
/// and no method, constructor, accessor or local function over 40 lines (declaration to closing brace).
/// </summary>
public sealed class SourceSizeTests
{
    private const int MaxFileLines = 200;
    private const int MaxMethodLines = 40;

    [Fact]
    public void SourceFiles_AreAtMost200Lines()
    {
        var tooLong = SourceFiles()
            .Select(f => (File: f, Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{Relative(f.File)}: {f.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Files over {MaxFileLines} lines:\n" + string.Join('\n', tooLong));
    }

    [Fact]
    public void Methods_AreAtMost40Lines()
    {
        var tooLong = SourceFiles().SelectMany(LongMembers).ToList();

        Assert.True(tooLong.Count == 0, $"Members over {MaxMethodLines} lines:\n" + string.Join('\n', tooLong));
    }

    private static IEnumerable<string> LongMembers(string file)
    {
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file).GetRoot();
        foreach (var member in root.DescendantNodes().Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax))
        {
            var span = member.GetLocation().GetLineSpan();
            var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (lines > MaxMethodLines)
            {
                yield return $"{Relative(file)}:{span.StartLinePosition.Line + 1} {NameOf(member)}: {lines} lines";
            }
        }
    }

    private static string NameOf(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text + " (constructor)",
        LocalFunctionStatementSyntax l => l.Identifier.Text + " (local function)",
        AccessorDeclarationSyntax a => a.Keyword.Text + " accessor",
        _ => member.Kind().ToString(),
    };

    private static IEnumerable<string> SourceFiles()
    {
        var src = Path.Combine(Repository.Root(), "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj" or "Migrations"));
    }

    private static string Relative(string file) => Path.GetRelativePath(Repository.Root(), file).Replace('\\', '/');
}
