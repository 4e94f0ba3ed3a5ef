using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Domain.Merchants;
using CodeScan.Infrastructure.Persistence;
using CodeScan.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeScan.Api.Tests.Api;

/// <summary>One raw HTTP exchange with /graphql: status, headers and the body (parsed when it is JSON).</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string? MediaType, HttpResponseHeaders Headers, string Allow, string Text)
{
    public JsonObject Json => JsonNode.Parse(Text) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Not a JSON object: {Text}");

    public string? FirstErrorCode => Json["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    public override string ToString() => $"{(int)Status} {MediaType}: {(Text.Length > 2000 ? Text[..2000] + "…" : Text)}";
}

/// <summary>Requests the support helpers cannot send: raw bodies, chosen headers, GET, forged tokens.</summary>
internal static class ApiCalls
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static string Body(string query, object? variables = null, string? operationName = null) =>
        JsonSerializer.Serialize(new { query, variables, operationName });

    public static Task<ApiResponse> PostAsync(
        CodeScanHost host, string query, object? variables = null, string? token = null, string? accept = null, string? operationName = null) =>
        PostRawAsync(host, Body(query, variables, operationName), token, accept);

    public static Task<ApiResponse> PostRawAsync(
        CodeScanHost host, string body, string? token = null, string? accept = null, string contentType = Json) =>
        PostBytesAsync(host, Encoding.UTF8.GetBytes(body), token, accept, contentType);

    public static Task<ApiResponse> PostBytesAsync(
        CodeScanHost host, byte[] body, string? token = null, string? accept = null, string contentType = Json, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return SendAsync(host, request, token, accept, authorization);
    }

    public static Task<ApiResponse> GetAsync(CodeScanHost host, string query, object? variables = null, string? token = null, string? accept = null)
    {
        var uri = "/graphql?query=" + Uri.EscapeDataString(query);
        if (variables is not null)
        {
            uri += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        return SendAsync(host, new HttpRequestMessage(HttpMethod.Get, uri), token, accept, authorization: null);
    }

    public static async Task<ApiResponse> SendAsync(CodeScanHost host, HttpRequestMessage request, string? token, string? accept, string? authorization)
    {
        using (request)
        {
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
            else if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await host.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var allow = string.Join(", ", response.Content.Headers.Allow);
            return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers, allow, text);
        }
    }

    /// <summary>
    /// Rewrites a real token's claims and signs it again with the host's own key, so the only thing wrong
    /// with the result is what <paramref name="edit"/> changed.
    /// </summary>
    public static string ReSign(CodeScanHost host, string token, Action<JsonObject> edit, string? key = null)
    {
        key ??= host.Services.GetRequiredService<IOptions<JwtOptions>>().Value.SigningKey;
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        edit(payload);
        var unsigned = parts[0] + "." + Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64UrlEncode(signature);
    }

    /// <summary>An HS256 token with exactly these claims, signed with <paramref name="key"/>.</summary>
    public static string Sign(JsonObject payload, string key)
    {
        var header = Base64UrlEncode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8.ToArray());
        var unsigned = header + "." + Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64UrlEncode(signature);
    }

    /// <summary>Changes a real token's claims but keeps its old signature: what an attacker without the key can do.</summary>
    public static string Tamper(string token, Action<JsonObject> edit)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        edit(payload);
        return parts[0] + "." + Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
    }

    public static string GlobalIdOf(string typeName, Guid id) =>
        Base64UrlEncode(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}

/// <summary>
/// Everything a bad request could have touched: the ledger fingerprint plus row counts of every table a
/// command writes. Equal before and after means the request changed nothing.
/// </summary>
public sealed record StoreSnapshot(
    (long LastPosition, int Transfers, long Debits) Ledger,
    int EventLog,
    int LedgerAccounts,
    int Users,
    int Merchants,
    int Recharges,
    int Redemptions,
    int IdempotencyRecords,
    int ApprovedMerchants)
{
    public static async Task<StoreSnapshot> TakeAsync(CodeScanHost host)
    {
        var ledger = await LedgerCheck.FingerprintAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        return new StoreSnapshot(
            ledger,
            await db.EventLog.CountAsync(),
            await db.LedgerAccounts.CountAsync(),
            await db.Users.CountAsync(),
            await db.Merchants.CountAsync(),
            await db.Recharges.CountAsync(),
            await db.Redemptions.CountAsync(),
            await db.IdempotencyRecords.CountAsync(),
            await db.Merchants.CountAsync(m => m.Status == MerchantStatus.Approved));
    }
}
