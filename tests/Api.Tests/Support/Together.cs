namespace CodeScan.Api.Tests.Support;

/// <summary>Real concurrency: requests started on the thread pool and released at the same moment.</summary>
public static class Together
{
    public static async Task<T[]> FireAsync<T>(int count, Func<int, Task<T>> request)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await request(i);
        })).ToArray();
        start.Release(count);
        return await Task.WhenAll(tasks);
    }
}
