using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>One host per store mode for a whole test class: an approved merchant and a customer holding 10,000.00 there.</summary>
public abstract class ApiWorld(StoreMode mode) : IAsyncLifetime
{
    public CodeScanHost Host { get; private set; } = null!;

    public MerchantScenario Merchant { get; private set; } = null!;

    public string CustomerPhone { get; private set; } = null!;

    public string CustomerToken { get; private set; } = null!;

    public string AdminToken { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CodeScanHost.StartAsync(mode);
        Merchant = await MerchantScenario.ApprovedAsync(Host);
        (CustomerPhone, CustomerToken) = await Merchant.FundedCustomerAsync(1_000_000);
        AdminToken = await Host.SignInAsync(CodeScanHost.AdminPhone);
        await Host.WaitForProjectionsAsync();
    }

    /// <summary>The stores once the projector has caught up.</summary>
    public async Task<StoreSnapshot> SettledSnapshotAsync()
    {
        await Host.WaitForProjectionsAsync();
        return await StoreSnapshot.TakeAsync(Host);
    }

    /// <summary>Sends the bad request and fails, showing its response, if the stores or the wallet moved.</summary>
    public async Task<T> AssertChangesNothingAsync<T>(Func<Task<T>> send)
    {
        var before = await SettledSnapshotAsync();
        var balance = await Merchant.WalletBalanceAsync(CustomerToken);

        var response = await send();

        var after = await SettledSnapshotAsync();
        var balanceAfter = await Merchant.WalletBalanceAsync(CustomerToken);
        if (before != after || balance != balanceAfter)
        {
            Assert.Fail($"The request changed the store.\nbefore: {before} balance {balance}\nafter:  {after} balance {balanceAfter}\nresponse: {response}");
        }

        await LedgerCheck.AssertBalancedAsync(Host);
        return response;
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

public sealed class EmbeddedApiWorld() : ApiWorld(StoreMode.Embedded);

public sealed class MariaDbApiWorld() : ApiWorld(StoreMode.MariaDbRedis);
