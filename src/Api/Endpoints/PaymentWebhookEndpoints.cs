using System.Buffers;
using CodeScan.Api.Transport.Http;
using CodeScan.Application.Orders.SettlePayment;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Payments;
using Mediator;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// <c>POST /payments/webhook</c>: the payment provider tells us how a payment went. Anonymous, but nothing
/// is looked at before the signature checks out (401 otherwise). Answers: 200 settled or harmless (a
/// duplicate, a stale "pending"); 404 unknown order (providers retry those); 409 not honoured: received after the
/// order closed (<c>{"settlement":"RefundRequired"}</c>, the order is then REFUND_DUE) or not issuable; 422 amount or
/// currency mismatch. The body's <c>timestamp</c> is recorded, never trusted: the payment's time is when we received
/// it. Refusals of money are logged by the application.
/// </summary>
public static class PaymentWebhookEndpoints
{
    public static IEndpointRouteBuilder MapPaymentWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/payments/webhook", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, PaymentWebhookVerifier verifier, IMediator mediator)
    {
        var (fits, body) = await CappedBodyReader.ReadAsync(
            http.Request.BodyReader, PaymentWebhookVerifier.MaxBodyBytes, static (ReadOnlySequence<byte> content) => content.ToArray(), http.RequestAborted);
        if (!fits)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The notification is too large.");
        }

        var check = verifier.Check(
            http.Request.Headers[PaymentWebhookSignature.TimestampHeader].FirstOrDefault(),
            http.Request.Headers[PaymentWebhookSignature.SignatureHeader].FirstOrDefault(),
            body,
            out var notification);
        if (Refusal(check) is { } refusal)
        {
            return refusal;
        }

        var outcome = await mediator.Send(
            new SettlePaymentCommand(notification!.OrderId, notification.ProviderReference, notification.Amount, notification.Currency.ToUpperInvariant(), StatusOf(notification), notification.Timestamp),
            http.RequestAborted);
        if (outcome.IsSuccess)
        {
            var settled = outcome.Value!;
            return Results.Json(
                new { orderId = settled.OrderId, settlement = settled.Settlement.ToString() },
                statusCode: settled.Settlement == Settlement.RefundRequired ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
        }

        return outcome.Error!.Code switch
        {
            ErrorCode.NotFound => Problem(StatusCodes.Status404NotFound, outcome.Error.Message),
            ErrorCode.InvalidInput => Problem(StatusCodes.Status422UnprocessableEntity, outcome.Error.Message),
            _ => Problem(StatusCodes.Status409Conflict, outcome.Error.Message),
        };
    }

    /// <summary>The answer to a notification that is not looked at any further; null when it checks out.</summary>
    private static IResult? Refusal(WebhookCheck check) => check switch
    {
        WebhookCheck.Unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "Payments are not configured."),
        WebhookCheck.BadSignature => Problem(StatusCodes.Status401Unauthorized, "The signature is missing, wrong or stale."),
        WebhookCheck.Malformed => Problem(StatusCodes.Status400BadRequest, "The notification is not valid JSON of the expected shape."),
        _ => null,
    };

    private static PaymentStatus StatusOf(PaymentNotification notification) => notification.Status.ToLowerInvariant() switch
    {
        "paid" or "succeeded" => PaymentStatus.Paid,
        "failed" or "cancelled" => PaymentStatus.Failed,
        _ => PaymentStatus.Pending,
    };

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
