using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace CodeScan.Api.Endpoints.GraphiQL;

/// <summary>
/// The IDE's files as the build embedded them (src/Api/GraphiQL/dist/*.gz): gzipped, and unzipped only for a client
/// that does not take gzip. A build without npm embeds none, and <see cref="IsBuilt"/> says so.
/// </summary>
internal sealed class GraphiQLAssets
{
    private const string Prefix = "CodeScan.Api.GraphiQL.";

    private readonly FrozenDictionary<string, GraphiQLAsset> files;

    private GraphiQLAssets(FrozenDictionary<string, GraphiQLAsset> files) => this.files = files;

    /// <summary>The page and its script are both there.</summary>
    public bool IsBuilt => files.ContainsKey(GraphiQLAsset.Page) && files.ContainsKey("ide.js");

    public static GraphiQLAssets Load(Assembly assembly) => new(assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".gz", StringComparison.Ordinal))
        .ToFrozenDictionary(name => name[Prefix.Length..^".gz".Length], name => GraphiQLAsset.Read(assembly, name)));

    public bool TryGet(string file, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphiQLAsset? asset)
        => files.TryGetValue(file, out asset);
}

/// <summary>One file of the IDE, gzipped, with the entity tags conditional requests compare (one per encoding).</summary>
internal sealed class GraphiQLAsset
{
    public const string Page = "index.html";

    private readonly Lazy<byte[]> unzipped;

    private GraphiQLAsset(string contentType, byte[] gzipped)
    {
        ContentType = contentType;
        Gzipped = gzipped;
        unzipped = new Lazy<byte[]>(() => Unzip(gzipped));
        var hash = Convert.ToHexStringLower(SHA256.HashData(gzipped))[..16];
        GzippedTag = new EntityTagHeaderValue($"\"{hash}-gzip\"");
        UnzippedTag = new EntityTagHeaderValue($"\"{hash}\"");
    }

    public string ContentType { get; }

    public byte[] Gzipped { get; }

    public byte[] Unzipped => unzipped.Value;

    public EntityTagHeaderValue GzippedTag { get; }

    public EntityTagHeaderValue UnzippedTag { get; }

    public static GraphiQLAsset Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var extension = Path.GetExtension(resource[..^".gz".Length]);
        return new GraphiQLAsset(ContentTypeOf(extension), copy.ToArray());
    }

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    private static byte[] Unzip(byte[] gzipped)
    {
        using var unzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        unzip.CopyTo(copy);
        return copy.ToArray();
    }
}
