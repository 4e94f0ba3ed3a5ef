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

        if (!body.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(query.GetString()))
        {
            error = "The GraphQL request must have a non-empty string 'query'.";
            return false;
        }

        if (!TryGetOptionalString(body, "operationName", out var operationName, out error)
            || !TryGetOptionalObject(body, "variables", serializer, out var variables, out error)
            || !TryGetOptionalObject(body, "extensions", serializer, out var extensions, out error))
        {
            return false;
        }

        request = new TransportRequest(query.GetString()!, operationName, variables, extensions);
        return true;
    }

    public static bool TryParse(
        IQueryCollection parameters,
        IGraphQLTextSerializer serializer,
        [NotNullWhen(true)] out TransportRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        request = null;
        string? query = parameters["query"];
        if (string.IsNullOrWhiteSpace(query))
        {
            error = "The 'query' parameter is required.";
            return false;
        }

        string? operationName = parameters["operationName"];
        if (!TryParseObjectParameter(parameters["variables"], "variables", serializer, out var variables, out error)
            || !TryParseObjectParameter(parameters["extensions"], "extensions", serializer, out var extensions, out error))
        {
            return false;
        }

        request = new TransportRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions);
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
