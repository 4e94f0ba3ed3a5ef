using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using CodeScan.Application.Common.Security;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CodeScan.Api.Transport.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): POST for every operation but
/// subscriptions, GET for queries, and the spec's status codes.
/// </summary>
internal sealed class GraphQLHttpHandler(IOptions<GraphQLTransportOptions> options, IGraphQLTextSerializer serializer)
{
    private readonly GraphQLTransportOptions options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await Fail(context, ResponseMediaTypes.Json, StatusCodes.Status405MethodNotAllowed,
                "GraphQL requests use GET (queries) or POST.", "METHOD_NOT_ALLOWED");
            return;
        }

        var mediaType = ResponseMediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await Fail(context, ResponseMediaTypes.Json, StatusCodes.Status406NotAcceptable,
                $"Accept must allow {ResponseMediaTypes.GraphQLResponseJson} or {ResponseMediaTypes.Json}.", "NOT_ACCEPTABLE");
            return;
        }

        var user = await BearerAuthentication.AuthenticateAsync(request.Headers.Authorization, context.RequestServices, context.RequestAborted);
        if (user is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await Fail(context, mediaType, StatusCodes.Status401Unauthorized,
                "The access token is invalid or has expired.", "UNAUTHENTICATED");
            return;
        }

        var graphQLRequest = isGet ? ReadFromQueryString(request) : await ReadFromBodyAsync(context);
        await (graphQLRequest switch
        {
            { Failure: { } failure } => Fail(context, mediaType, failure.StatusCode, failure.Message, failure.Code),
            { Batch: { } batch } => ExecuteBatchAsync(context, batch, user, mediaType),
            _ => ExecuteAsync(context, graphQLRequest.Request!, user, isGet, mediaType),
        });
    }

    private async Task ExecuteAsync(
        HttpContext context, TransportRequest request, ClaimsPrincipal user, bool isGet, string mediaType)
    {
        var result = await GraphQLExecution.ExecuteAsync(
            request,
            user,
            context.RequestServices,
            isGet ? HttpOperationTypeRule.ForGet : HttpOperationTypeRule.ForPost,
            context.RequestAborted);

        if (result.Errors?.OfType<MutationOverGetError>().FirstOrDefault() is { } mutationOverGet)
        {
            context.Response.Headers.Allow = "POST";
            await Fail(context, mediaType, StatusCodes.Status405MethodNotAllowed, mutationOverGet.Message, "MUTATION_OVER_GET");
            return;
        }

        // Not executed means a parse or validation error: the new media type says so with 400,
        // while application/json keeps 200 for every well-formed request (spec, "application/json" section).
        // An unknown persisted query is not an error of the request but Apollo's cue to send the query: 200.
        context.Response.StatusCode = !result.Executed && mediaType == ResponseMediaTypes.GraphQLResponseJson
            && result.Errors?.FirstOrDefault()?.Code != PersistedQueries.NotFoundCode
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>
    /// A JSON array of operations (Apollo's BatchHttpLink) is answered with an array of results in the same order,
    /// 200 whatever each one's outcome; they run one after another, as separate requests would.
    /// </summary>
    private async Task ExecuteBatchAsync(HttpContext context, IReadOnlyList<TransportRequest> batch, ClaimsPrincipal user, string mediaType)
    {
        var results = new List<ExecutionResult>(batch.Count);
        foreach (var request in batch)
        {
            results.Add(await GraphQLExecution.ExecuteAsync(
                request, user, context.RequestServices, HttpOperationTypeRule.ForPost, context.RequestAborted));
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, results, context.RequestAborted);
    }

    private ReadOutcome ReadFromQueryString(HttpRequest request)
        => TransportRequestParser.TryParse(request.Query, serializer, out var parsed, out var error)
            ? new ReadOutcome(parsed, null, null)
            : ReadOutcome.BadRequest(error);

    private async Task<ReadOutcome> ReadFromBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return new ReadOutcome(null, null, new TransportFailure(StatusCodes.Status415UnsupportedMediaType,
                "POST bodies must be application/json (UTF-8).", "UNSUPPORTED_MEDIA_TYPE"));
        }

        if ((request.ContentLength is not { } length || length <= options.MaxRequestBytes)
            && await CappedBodyReader.ReadAsync(request.BodyReader, options.MaxRequestBytes, Parse, context.RequestAborted) is (true, { } outcome))
        {
            return outcome;
        }

        return new ReadOutcome(null, null, new TransportFailure(StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than {options.MaxRequestBytes} bytes.", "PAYLOAD_TOO_LARGE"));
    }

    private ReadOutcome Parse(ReadOnlySequence<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                return ParseBatch(document.RootElement);
            }

            return TransportRequestParser.TryParse(document.RootElement, serializer, out var parsed, out var error)
                ? new ReadOutcome(parsed, null, null)
                : ReadOutcome.BadRequest(error);
        }
        catch (JsonException)
        {
            return ReadOutcome.BadRequest("The request body is not valid JSON.");
        }
    }

    private ReadOutcome ParseBatch(JsonElement operations)
    {
        var count = operations.GetArrayLength();
        if (count == 0 || count > options.MaxBatchSize)
        {
            return ReadOutcome.BadRequest($"A batch holds 1 to {options.MaxBatchSize} operations; this one holds {count}.");
        }

        var batch = new List<TransportRequest>(count);
        foreach (var (operation, index) in operations.EnumerateArray().Select((o, i) => (o, i)))
        {
            if (!TransportRequestParser.TryParse(operation, serializer, out var parsed, out var error))
            {
                return ReadOutcome.BadRequest($"Operation {index} of the batch: {error}");
            }

            batch.Add(parsed);
        }

        return new ReadOutcome(null, batch, null);
    }

    private static bool IsJson(string? contentType)
        => MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && parsed.MediaType.Equals(ResponseMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            && (parsed.Charset.Length == 0 || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static Task Fail(HttpContext context, string mediaType, int statusCode, string message, string code)
        => TransportErrorResponse.WriteAsync(context, statusCode, mediaType, message, code);

    private sealed record TransportFailure(int StatusCode, string Message, string Code);

    /// <param name="Batch">Set instead of <paramref name="Request"/> when the body was a JSON array.</param>
    private sealed record ReadOutcome(TransportRequest? Request, IReadOnlyList<TransportRequest>? Batch, TransportFailure? Failure)
    {
        public static ReadOutcome BadRequest(string message)
            => new(null, null, new TransportFailure(StatusCodes.Status400BadRequest, message, "BAD_REQUEST"));
    }
}
