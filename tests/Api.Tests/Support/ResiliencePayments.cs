using System.Text.Json.Nodes;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// What one payment request over HTTP came back with: the write model's id when it succeeded, the payload
/// error code when it was refused, or the exception when no answer came (the host went away mid-request:
/// the outcome is then unknown and only the database can tell).
/// </summary>
public sealed record ResiliencePayment(string Kind, Guid MerchantId, long Amount, Guid? Id, string? ErrorCode, string? Failure)
{
    public bool Succeeded => Id is not null;

    public bool Unanswered => Failure is not null;
}

/// <summary>Recharges and redeems against any host (a second host of the same stores accepts the same tokens).</summary>
public static class ResiliencePayments
{
    public static async Task<ResiliencePayment> RechargeAsync(CodeScanHost host, string ownerToken, string merchantId, string customerPhone, long amount, long bonus = 0)
    {
        var merchant = MerchantGuid(merchantId);
        try
        {
            var response = await host.GraphQLAsync(ownerToken, Gql.RechargeAtCounter, new
            {
                input = new { merchantId, customerPhone, amount, bonus, idempotencyKey = Guid.NewGuid().ToString("N") },
            });
            return Read(response, "Recharge", "rechargeAtCounter", "recharge", merchant, amount);
        }
        catch (Exception ex)
        {
            return new ResiliencePayment("Recharge", merchant, amount, null, null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    public static async Task<ResiliencePayment> RedeemAsync(CodeScanHost host, string customerToken, string merchantId, long amount)
    {
        var merchant = MerchantGuid(merchantId);
        try
        {
            var response = await host.GraphQLAsync(customerToken, Gql.Redeem, new
            {
                input = new { merchantId, amount, idempotencyKey = Guid.NewGuid().ToString("N") },
            });
            return Read(response, "Redemption", "redeem", "redemption", merchant, amount);
        }
        catch (Exception ex)
        {
            return new ResiliencePayment("Redemption", merchant, amount, null, null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>A <c>redeem</c> answer from any client (an API node in its own process, for one).</summary>
    public static ResiliencePayment ReadRedeem(JsonObject response, string merchantId, long amount) =>
        Read(response, "Redemption", "redeem", "redemption", MerchantGuid(merchantId), amount);

    public static Guid MerchantGuid(string merchantGlobalId)
    {
        Assert.True(GraphQL.GlobalId.TryDecode(merchantGlobalId, "Merchant", out var id), merchantGlobalId);
        return id;
    }

    /// <summary>The customer's user id in the write model (the user exists once they signed in or were recharged).</summary>
    public static async Task<Guid> CustomerIdAsync(CodeScanHost host, string phone)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        var e164 = PhoneNumber.Parse(phone).Value!;
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Phone == e164);
        return user.Id.Value;
    }

    private static ResiliencePayment Read(JsonObject response, string kind, string field, string resultField, Guid merchantId, long amount)
    {
        if (response["errors"] is JsonArray { Count: > 0 })
        {
            return new ResiliencePayment(kind, merchantId, amount, null, null, "GraphQL errors: " + response.ToJsonString());
        }

        var payload = response["data"]?[field] as JsonObject;
        if (payload?["errors"] is JsonArray { Count: > 0 } errors)
        {
            return new ResiliencePayment(kind, merchantId, amount, null, errors[0]!["code"]!.GetValue<string>(), null);
        }

        var globalId = payload?[resultField]?["id"]?.GetValue<string>();
        if (!GraphQL.GlobalId.TryDecode(globalId, kind, out var id))
        {
            return new ResiliencePayment(kind, merchantId, amount, null, null, "Unexpected response: " + response.ToJsonString());
        }

        return new ResiliencePayment(kind, merchantId, amount, id, null, null);
    }
}
