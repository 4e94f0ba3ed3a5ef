using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CodeScan.Api.Transport.Http;

/// <summary>
/// Picks the response media type from the <c>Accept</c> header, as GraphQL over HTTP describes:
/// <c>application/graphql-response+json</c> (status codes follow the outcome) or legacy <c>application/json</c>
/// (status 200 for every well-formed request).
/// </summary>
internal static class ResponseMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>Returns the chosen media type, or <c>null</c> when the client accepts neither (406).</summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)
            || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            // A missing (or unreadable) header is what legacy clients send; they expect application/json.
            return Json;
        }

        var graphql = Rate(ranges, GraphQLResponseJson);
        var json = Rate(ranges, Json);
        if (graphql.Quality <= 0 && json.Quality <= 0)
        {
            return null;
        }

        if (graphql.Quality != json.Quality)
        {
            return graphql.Quality > json.Quality ? GraphQLResponseJson : Json;
        }

        // Equal weights: a type the client named beats one it only reached through a wildcard;
        // when both are named the spec's preferred type wins, and "*/*" alone keeps the legacy type.
        if (graphql.Specificity != json.Specificity)
        {
            return graphql.Specificity > json.Specificity ? GraphQLResponseJson : Json;
        }

        return graphql.Specificity == ExactMatch ? GraphQLResponseJson : Json;
    }

    private const int ExactMatch = 2;

    /// <summary>The weight of <paramref name="mediaType"/>, taken from the most specific range that covers it (RFC 9110 §12.5.1).</summary>
    private static (double Quality, int Specificity) Rate(IList<MediaTypeHeaderValue> ranges, string mediaType)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var type = mediaType[..slash];
        var best = (Quality: 0d, Specificity: -1);
        foreach (var range in ranges)
        {
            int specificity;
            if (range.MatchesAllTypes)
            {
                specificity = 0;
            }
            else if (range.MatchesAllSubTypes && range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                specificity = 1;
            }
            else if (range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            {
                specificity = ExactMatch;
            }
            else
            {
                continue;
            }

            if (specificity > best.Specificity)
            {
                best = (range.Quality ?? 1d, specificity);
            }
        }

        return best;
    }
}
