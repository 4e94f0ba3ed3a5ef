namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Cuts a batch's writes into runs that one call each can carry without changing what they do: a run is writes of one
/// scope that follow each other there (other scopes' writes in between do not count, scopes share no keys) and share a
/// key. Each scope's runs come out in its order, so every scope sees its writes in the order they were made.
/// </summary>
internal static class ScopeRuns
{
    public static List<(TKey Key, List<T> Items)> Of<T, TScope, TKey>(IEnumerable<T> writes, Func<T, TScope> scope, Func<T, TKey> key)
        where TScope : notnull
    {
        var runs = new List<(TKey Key, List<T> Items)>();
        var openRun = new Dictionary<TScope, int>();
        foreach (var write in writes)
        {
            var runKey = key(write);
            if (openRun.TryGetValue(scope(write), out var run) && EqualityComparer<TKey>.Default.Equals(runs[run].Key, runKey))
            {
                runs[run].Items.Add(write);
                continue;
            }

            openRun[scope(write)] = runs.Count;
            runs.Add((runKey, [write]));
        }

        return runs;
    }
}
