using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace CodeScan.Api.Transport;

/// <summary>
/// Checks the shape of a GraphQL request (a JSON object, or GET query parameters) before execution,
/// so that shape errors become 400 / close 4400 rather than GraphQL errors.
/// </summary>
internal static class TransportRequestParser
{
    public static bool TryParse(
        JsonElement body,
        IGraphQLTextSerializer serializer,
        [NotNullWhen(true)] out TransportRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        request = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "The GraphQL request must be a JSON object.";
            return false;
        }

        if (!TryGetOptionalString(body, "query", out var query, out error)
            || !TryGetOptionalString(body, "operationName", out var operationName, out error)
            || !TryGetOptionalObject(body, "variables", serializer, out var variables, out error)
            || !TryGetOptionalObject(body, "extensions", serializer, out var extensions, out error))
        {
            return false;
        }

        return TryComplete(query, operationName, variables, extensions, "The GraphQL request must have a non-empty string 'query'.", out request, out error);
    }

    public static bool TryParse(
        IQueryCollection parameters,
        IGraphQLTextSerializer serializer,
        [NotNullWhen(true)] out TransportRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        request = null;
        string? operationName = parameters["operationName"];
        if (!TryParseObjectParameter(parameters["variables"], "variables", serializer, out var variables, out error)
            || !TryParseObjectParameter(parameters["extensions"], "extensions", serializer, out var extensions, out error))
        {
            return false;
        }

        return TryComplete(parameters["query"], string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions,
            "The 'query' parameter is required.", out request, out error);
    }

    /// <summary>A query, or a persisted query's hash (Apollo APQ, <see cref="PersistedQueries"/>), or both.</summary>
    private static bool TryComplete(
        string? query, string? operationName, Inputs? variables, Inputs? extensions, string queryRequired,
        [NotNullWhen(true)] out TransportRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        if (!TryGetPersistedQueryHash(extensions, out var hash, out error))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(query) && hash is null)
        {
            error = queryRequired;
            return false;
        }

        request = new TransportRequest(string.IsNullOrWhiteSpace(query) ? null : query, operationName, variables, extensions, hash);
        return true;
    }

    private static bool TryGetPersistedQueryHash(Inputs? extensions, out string? hash, [NotNullWhen(false)] out string? error)
    {
        hash = null;
        error = null;
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value) || value is null)
        {
            return true;
        }

        if (value is not IDictionary<string, object?> persisted
            || !persisted.TryGetValue("version", out var version) || Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture) != "1"
            || !persisted.TryGetValue("sha256Hash", out var sha) || sha is not string text
            || text.Length != 64 || !text.All(char.IsAsciiHexDigit))
        {
            error = "'extensions.persistedQuery' must be { \"version\": 1, \"sha256Hash\": \"<64 hex digits>\" }.";
            return false;
        }

        hash = text.ToLowerInvariant();
        return true;
    }

    private static bool TryGetOptionalString(JsonElement body, string name, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"'{name}' must be a string or null.";
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static bool TryGetOptionalObject(
        JsonElement body, string name, IGraphQLTextSerializer serializer, out Inputs? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"'{name}' must be a JSON object or null.";
            return false;
        }

        // The GraphQL serializer turns JSON numbers into the CLR types the scalars expect (int, long, BigInteger...).
        value = serializer.ReadNode<Inputs>(element);
        return true;
    }

    private static bool TryParseObjectParameter(
        string? text, string name, IGraphQLTextSerializer serializer, out Inputs? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"The '{name}' parameter must be a JSON object.";
                return false;
            }

            value = serializer.Deserialize<Inputs>(text);
            return true;
        }
        catch (JsonException)
        {
            error = $"The '{name}' parameter is not valid JSON.";
            return false;
        }
    }
}
