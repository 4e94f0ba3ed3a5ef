using System.Text.Json.Nodes;

namespace CodeScan.Api.Tests.Support;

/// <summary>An approved merchant with its owner signed in: the starting point of most payment tests.</summary>
public sealed class MerchantScenario
{
    private MerchantScenario(CodeScanHost host, string merchantId, string ownerPhone, string ownerToken)
    {
        Host = host;
        MerchantId = merchantId;
        OwnerPhone = ownerPhone;
        OwnerToken = ownerToken;
    }

    public CodeScanHost Host { get; }

    public string MerchantId { get; }

    public string OwnerPhone { get; }

    public string OwnerToken { get; }

    public static async Task<MerchantScenario> ApprovedAsync(CodeScanHost host, string locale = "ZH_CN", string? currency = null)
    {
        var pending = await PendingAsync(host, locale, currency: currency);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var merchantId = pending.MerchantId;
        var approved = await host.GraphQLAsync(admin, Gql.ApproveMerchant, new { input = new { merchantId } });
        Assert.Equal("APPROVED", approved.Data("approveMerchant")["merchant"]!["status"]!.GetValue<string>());
        return pending;
    }

    /// <summary>An application pending review, with its applicant signed in.</summary>
    public static async Task<MerchantScenario> PendingAsync(CodeScanHost host, string locale = "ZH_CN", string name = "Tea House", string? currency = null)
    {
        var ownerPhone = Phones.Next();
        var owner = await host.SignInAsync(ownerPhone);
        var registered = await host.GraphQLAsync(owner, Gql.RegisterMerchant, new
        {
            input = new { name, contactPhone = ownerPhone, businessLicenceNumber = "91310000MA1234", address = "1 Nanjing Road", category = "tea", locale, currency },
        });
        var merchantId = registered.Data("registerMerchant")["merchant"]!["id"]!.GetValue<string>();
        return new MerchantScenario(host, merchantId, ownerPhone, owner);
    }

    public Task<JsonObject> RechargeAsync(string customerPhone, long amount, string? key = null, long bonus = 0) =>
        Host.GraphQLAsync(OwnerToken, Gql.RechargeAtCounter, new
        {
            input = new { merchantId = MerchantId, customerPhone, amount, bonus, idempotencyKey = key ?? Guid.NewGuid().ToString("N") },
        });

    public Task<JsonObject> RedeemAsync(string customerToken, long amount, string? key = null) =>
        Host.GraphQLAsync(customerToken, Gql.Redeem, new
        {
            input = new { merchantId = MerchantId, amount, idempotencyKey = key ?? Guid.NewGuid().ToString("N") },
        });

    /// <summary>Signs in a new customer who holds <paramref name="storedValue"/> here.</summary>
    public async Task<(string Phone, string Token)> FundedCustomerAsync(long storedValue)
    {
        var phone = Phones.Next();
        var token = await Host.SignInAsync(phone);
        var recharge = await RechargeAsync(phone, storedValue);
        Assert.Empty(recharge.Data("rechargeAtCounter")["errors"]!.AsArray());
        return (phone, token);
    }

    public Task<long> WalletBalanceAsync(string customerToken) => WalletBalanceAsyncOn(Host, customerToken);

    /// <summary>The customer's balance here as another node of the same deployment reports it.</summary>
    public async Task<long> WalletBalanceAsyncOn(CodeScanHost node, string customerToken)
    {
        var wallet = await node.GraphQLAsync(customerToken, Gql.Wallet, new { merchantId = MerchantId });
        return wallet.Data("wallet")["storedValue"]!["minorUnits"]!.GetValue<long>();
    }
}
