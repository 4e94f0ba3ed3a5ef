using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.Extensions.Caching.Memory;

namespace CodeScan.Api.Transport;

/// <summary>
/// Apollo's automatic persisted queries (https://www.apollographql.com/docs/apollo-server/performance/apq): a client
/// first sends only the SHA-256 of its query; an unknown hash is answered <c>PersistedQueryNotFound</c>, and the
/// client sends the hash with the query, which registers it once the hash checks out. Kept per node, in memory: a
/// node that has not seen a hash asks for the query once, which the client answers by itself.
/// </summary>
internal sealed class PersistedQueries : IDisposable
{
    public const string NotFound = "PersistedQueryNotFound";

    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>Characters of query text kept in all.</summary>
    public const long MaxTotalLength = 4 * 1024 * 1024;

    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = MaxTotalLength });

    /// <summary>The query text to run, or the error to answer with instead. The request's hash is lower-case hex (the parser made it so).</summary>
    public bool TryResolve(TransportRequest request, out string query, out ExecutionError? refusal)
    {
        query = request.Query ?? "";
        refusal = null;
        if (request.PersistedQueryHash is not { } hash)
        {
            return true;
        }

        if (request.Query is null)
        {
            if (_queries.TryGetValue(hash, out string? known) && known is not null)
            {
                query = known;
                return true;
            }

            refusal = new ExecutionError(NotFound) { Code = NotFoundCode };
            return false;
        }

        if (Sha256(request.Query) != hash)
        {
            refusal = new ExecutionError("provided sha does not match query") { Code = "PERSISTED_QUERY_HASH_MISMATCH" };
            return false;
        }

        _queries.Set(hash, request.Query, new MemoryCacheEntryOptions { Size = Math.Max(request.Query.Length, 1) });
        return true;
    }

    public void Dispose() => _queries.Dispose();

    public static string Sha256(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
}
