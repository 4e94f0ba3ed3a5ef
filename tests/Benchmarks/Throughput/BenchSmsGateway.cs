using System.Collections.Concurrent;
using CodeScan.Application.Identity;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Identity;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>
/// The SMS gateway of the benchmark: the service runs as in production (no development inbox), and its sign-in
/// texts come here instead of to an HTTP gateway, so the harness can read the codes.
/// </summary>
internal sealed class BenchSmsGateway : ISmsSender
{
    private readonly ConcurrentDictionary<string, string> _latest = new();

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        _latest[message.To.Value] = message.Text;
        return Task.CompletedTask;
    }

    /// <summary>The code in the newest text to <paramref name="phone"/> (any form the service accepts), or null.</summary>
    public string? LatestCodeFor(string phone) =>
        PhoneNumber.Parse(phone) is { IsSuccess: true } parsed && _latest.TryGetValue(parsed.Value!.Value, out var text) ? DevelopmentSmsOutbox.CodeIn(text) : null;
}
