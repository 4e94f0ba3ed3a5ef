using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CodeScan.Api.Tests.Transport.Http;

/// <summary>Builds GraphQL-over-HTTP requests for the transport tests.</summary>
internal static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static HttpRequestMessage Post(Uri uri, object body, string? accept = GraphQLResponseJson, string? authorization = null)
        => PostRaw(uri, JsonSerializer.Serialize(body), accept, authorization);

    public static HttpRequestMessage PostRaw(
        Uri uri, string body, string? accept = GraphQLResponseJson, string? authorization = null, string contentType = Json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return WithHeaders(request, accept, authorization);
    }

    public static HttpRequestMessage Get(
        Uri uri, string query, string? variables = null, string? operationName = null, string? accept = GraphQLResponseJson)
    {
        var parameters = new List<string> { $"query={Uri.EscapeDataString(query)}" };
        if (variables is not null)
        {
            parameters.Add($"variables={Uri.EscapeDataString(variables)}");
        }

        if (operationName is not null)
        {
            parameters.Add($"operationName={Uri.EscapeDataString(operationName)}");
        }

        var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(uri) { Query = string.Join('&', parameters) }.Uri);
        return WithHeaders(request, accept, authorization: null);
    }

    public static HttpRequestMessage WithHeaders(HttpRequestMessage request, string? accept, string? authorization)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string FirstErrorCode(this JsonElement body)
        => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
}
