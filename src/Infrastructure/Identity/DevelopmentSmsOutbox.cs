using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CodeScan.Application.Identity;
using CodeScan.Domain.Common;

namespace CodeScan.Infrastructure.Identity;

/// <summary>
/// What the development sender "sent", newest last, so a developer or a test can read the code the
/// user would have received, and the Development inbox page can show it. Holds the most recent
/// <see cref="Capacity"/> messages.
/// </summary>
public sealed partial class DevelopmentSmsOutbox(TimeProvider clock)
{
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<SentSms> _sent = new();

    public IReadOnlyList<SmsMessage> Messages => _sent.Select(s => s.Message).ToArray();

    /// <summary>Every message with the time it was "sent", oldest first.</summary>
    public IReadOnlyList<SentSms> Sent => _sent.ToArray();

    public void Record(SmsMessage message)
    {
        _sent.Enqueue(new SentSms(message, clock.GetUtcNow()));
        while (_sent.Count > Capacity && _sent.TryDequeue(out _))
        {
        }
    }

    /// <summary>Every message sent to <paramref name="phone"/> (any accepted form), oldest first.</summary>
    public IReadOnlyList<SmsMessage> SentTo(string phone)
    {
        var parsed = PhoneNumber.Parse(phone);
        return parsed.IsSuccess ? _sent.Where(s => s.Message.To == parsed.Value).Select(s => s.Message).ToArray() : [];
    }

    /// <summary>The code in the newest message to <paramref name="phone"/>, or null.</summary>
    public string? LatestCodeFor(string phone) =>
        SentTo(phone) is [.., var latest] ? CodeIn(latest.Text) : null;

    /// <summary>The six-digit code a text carries, or null.</summary>
    public static string? CodeIn(string text) => Code().Match(text) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex Code();
}

/// <summary>A text the development sender kept instead of sending, and when.</summary>
public sealed record SentSms(SmsMessage Message, DateTimeOffset SentAt);
