using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CodeScan.Api.Transport.Http;

/// <summary>
/// Writes a failure that happened before execution (bad method, body, token...) in the GraphQL response shape,
/// so clients can read every answer from <c>/graphql</c> the same way.
/// </summary>
internal static class TransportErrorResponse
{
    public static async Task WriteAsync(
        HttpContext context, int statusCode, string mediaType, string message, string code)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("errors");
            json.WriteStartObject();
            json.WriteString("message", message);
            json.WriteStartObject("extensions");
            json.WriteString("code", code);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
