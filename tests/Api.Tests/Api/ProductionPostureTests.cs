using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Identity;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// DESIGN §5 and §8: in Production a stranger learns nothing about the schema or the service's insides from its
/// errors: no introspection, no "Did you mean", and an unexpected failure is a generic error with a correlation id
/// that leads an operator to the details in the log. Development keeps the helpful messages.
/// </summary>
public sealed class ProductionPostureTests
{
    private const string RequestCode = "mutation { requestSignInCode(input: { phone: \"13900000009\" }) { expiresAt errors { code } } }";

    [Fact]
    public async Task Introspection_InProduction_IsRefused()
    {
        await using var host = await CodeScanHost.StartProductionAsync(_ => { });

        var answer = await host.GraphQLAsync(null, "{ __schema { queryType { name } } }");

        Assert.Null(answer["data"]?["__schema"]);
        Assert.NotEmpty(answer["errors"]!.AsArray());
    }

    [Fact]
    public async Task AMisspelledField_InProduction_GetsNoSuggestion()
    {
        await using var host = await CodeScanHost.StartProductionAsync(_ => { });

        var message = (await host.GraphQLAsync(null, "{ mee { id } }"))["errors"]![0]!["message"]!.GetValue<string>();

        Assert.StartsWith("Cannot query field 'mee' on type 'Query'.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'me'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMisspelledField_InDevelopment_GetsASuggestion()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var message = (await host.GraphQLAsync(null, "{ mee { id } }"))["errors"]![0]!["message"]!.GetValue<string>();

        Assert.Contains("Did you mean 'me'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestSignInCode_InProductionWhenTheSmsGatewayIsDown_AnswersAGenericErrorWhoseIdLeadsToTheLog()
    {
        var logs = new ErrorLogs();
        await using var host = await CodeScanHost.StartProductionAsync(_ => { }, s => s.AddSingleton<ILoggerProvider>(logs));

        using var response = await PostAsync(host, RequestCode, correlationId: null);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var error = Assert.Single(answer["errors"]!.AsArray())!;
        Assert.Equal("Internal server error.", error["message"]!.GetValue<string>());
        var extensions = error["extensions"]!.AsObject();
        Assert.Equal(["code", "correlationId"], extensions.Select(e => e.Key).Order());
        Assert.Equal("INTERNAL_SERVER_ERROR", extensions["code"]!.GetValue<string>());
        var id = extensions["correlationId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.DoesNotContain("HTTP_REQUEST", answer.ToJsonString(), StringComparison.Ordinal);

        var logged = Assert.Single(logs.Errors, e => e.Message.Contains(id, StringComparison.Ordinal));
        Assert.IsType<HttpRequestException>(logged.Exception);
    }

    [Fact]
    public async Task RequestSignInCode_InProductionWithASaneCorrelationHeader_CarriesTheCallersId()
    {
        await using var host = await CodeScanHost.StartProductionAsync(_ => { });

        using var sane = await PostAsync(host, RequestCode, correlationId: "till-42.req_7");
        using var insane = await PostAsync(host, RequestCode, correlationId: new string('x', 65));

        Assert.Equal("till-42.req_7", CorrelationIdOf(await sane.Content.ReadAsStringAsync()));
        Assert.Equal("till-42.req_7", Assert.Single(sane.Headers.GetValues("X-Correlation-Id")));
        Assert.Matches("^[0-9a-f]{32}$", CorrelationIdOf(await insane.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task RequestSignInCode_InProductionOverWebSocketWhenTheSmsGatewayIsDown_AnswersTheSameGenericError()
    {
        var logs = new ErrorLogs();
        await using var host = await CodeScanHost.StartProductionAsync(_ => { }, s => s.AddSingleton<ILoggerProvider>(logs));
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri);

        await socket.SubscribeAsync("code", IdentityCalls.RequestCode, new { input = new { phone = "13900000009" } });
        var messages = await socket.ReceiveUntilDoneAsync("code");

        var error = messages[0].Payload!.Value.GetProperty("errors")[0];
        Assert.Equal("Internal server error.", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(error.GetProperty("extensions").TryGetProperty("codes", out _));
        var id = error.GetProperty("extensions").GetProperty("correlationId").GetString()!;
        Assert.Contains(logs.Errors, e => e.Message.Contains(id, StringComparison.Ordinal) && e.Exception is HttpRequestException);
    }

    private static async Task<HttpResponseMessage> PostAsync(CodeScanHost host, string query, string? correlationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }

        return await host.Http.SendAsync(request);
    }

    private static string CorrelationIdOf(string response) =>
        JsonNode.Parse(response)!["errors"]![0]!["extensions"]!["correlationId"]!.GetValue<string>();

    /// <summary>What the service logs at error level, with the exception.</summary>
    private sealed class ErrorLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Message, Exception? Exception)> _errors = new();

        public IReadOnlyList<(string Message, Exception? Exception)> Errors => _errors.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    owner._errors.Enqueue((formatter(state, exception), exception));
                }
            }
        }
    }
}
