namespace CodeScan.Benchmarks.Throughput;

/// <summary>
/// Two nodes of the API on one MariaDB database and one Redis key prefix, each request sent to the next node in
/// turn, as a round-robin reverse proxy would. The customers are taken round-robin from one sequence shared by
/// both nodes, so two requests in flight are for different customers, as on one node.
/// </summary>
/// <remarks>
/// Both nodes are hosts in the driver's process, like the one node of the single-node runs: they share its
/// compiled code (no second JIT warm-up), its thread pool and its GC, but each has its own services, connection
/// pools, Redis connection and projector (one holds the lease, the other stands by).
/// </remarks>
internal sealed class TwoNodes(ApiUnderTest first, ApiUnderTest second) : IAsyncDisposable
{
    private int _turn;

    /// <summary>The node started second, which stands by while the first projects.</summary>
    public ApiUnderTest Second => second;

    public Task<string?> RedeemAsync() => Next().RedeemForAsync(first.NextCustomer());

    /// <summary>
    /// Brings the second node to where the settle rounds brought the first, apart from the JIT they share: every
    /// customer does the work once on it, so its pools, its document cache and the ledger accounts it knows to be
    /// committed (a payment whose accounts the node has not yet seen takes one more round trip) are warm.
    /// Returns how many operations failed.
    /// </summary>
    public async Task<int> WarmSecondAsync(string work)
    {
        var failed = 0;
        foreach (var customer in first.Customers)
        {
            var error = work == "redeem" ? await second.RedeemForAsync(customer) : await second.WalletForAsync(customer);
            failed += error is null ? 0 : 1;
        }

        return failed;
    }

    public Task<string?> WalletAsync() => Next().WalletForAsync(first.NextCustomer());

    /// <summary>Stops the second node; the first is its caller's.</summary>
    public ValueTask DisposeAsync() => second.DisposeAsync();

    private ApiUnderTest Next() => (Interlocked.Increment(ref _turn) & 1) == 0 ? first : second;
}
