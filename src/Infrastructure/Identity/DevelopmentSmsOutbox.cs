using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CodeScan.Application.Identity;
using CodeScan.Domain.Common;

namespace CodeScan.Infrastructure.Identity;

/// <summary>
/// What the development sender "sent", newest last, so a developer or a test can read the code the
/// user would have received. Holds the most recent <see cref="Capacity"/> messages.
/// </summary>
public sealed partial class DevelopmentSmsOutbox
{
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<SmsMessage> _messages = new();

    public IReadOnlyList<SmsMessage> Messages => _messages.ToArray();

    public void Record(SmsMessage message)
    {
        _messages.Enqueue(message);
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }
    }

    /// <summary>Every message sent to <paramref name="phone"/> (any accepted form), oldest first.</summary>
    public IReadOnlyList<SmsMessage> SentTo(string phone)
    {
        var parsed = PhoneNumber.Parse(phone);
        return parsed.IsSuccess ? _messages.Where(m => m.To == parsed.Value).ToArray() : [];
    }

    /// <summary>The code in the newest message to <paramref name="phone"/>, or null.</summary>
    public string? LatestCodeFor(string phone) =>
        SentTo(phone) is [.., var latest] && Code().Match(latest.Text) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex Code();
}
