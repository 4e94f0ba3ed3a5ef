using CodeScan.Api.Tests.Support;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace CodeScan.Api.Tests.Resilience;

/// <summary>
/// Pooled MySQL connections are not reset when they are opened again (a round trip saved per unit of work), so a
/// unit of work that fails must end its transaction itself: nothing it locked may stay locked on a connection
/// that went back to the pool.
/// </summary>
public sealed class PooledConnectionTests
{
    [Fact]
    public async Task UnitOfWork_ThatFailsAfterLockingARow_LeavesNoTransactionOnThePooledConnection()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var host = await CodeScanHost.StartAsync(stores);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        Assert.True(CodeScan.Api.GraphQL.GlobalId.TryDecode(merchant.MerchantId, out _, out var merchantId));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
            var runner = scope.ServiceProvider.GetRequiredService<ITransactionRunner>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync<int>(
                async ct =>
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT id FROM merchants WHERE id = {0} FOR UPDATE", [merchantId.ToString()], ct);
                    throw new InvalidOperationException("the unit of work fails while it holds the merchant's row");
                },
                _ => true,
                CancellationToken.None));
        }

        await using var outsider = new MySqlConnection(new MySqlConnectionStringBuilder(stores.MySqlConnectionString!) { Pooling = false }.ConnectionString);
        await outsider.OpenAsync();
        await using var locking = new MySqlCommand("SELECT id FROM merchants WHERE id = @id FOR UPDATE NOWAIT", outsider);
        locking.Parameters.AddWithValue("@id", merchantId.ToString());

        // NOWAIT fails at once if any connection, pooled or not, still holds the row.
        Assert.Equal(merchantId.ToString(), (await locking.ExecuteScalarAsync())?.ToString());
    }
}
