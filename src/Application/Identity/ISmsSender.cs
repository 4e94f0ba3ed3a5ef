using CodeScan.Domain.Common;

namespace CodeScan.Application.Identity;

/// <summary>Sends text messages. A failure throws: the command then rolls back and nothing is stored.</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <param name="Locale">The language of <paramref name="Text"/>, e.g. "zh-CN".</param>
public sealed record SmsMessage(PhoneNumber To, string Text, string Locale);
