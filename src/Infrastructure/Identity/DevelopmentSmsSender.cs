using CodeScan.Application.Identity;
using Microsoft.Extensions.Logging;

namespace CodeScan.Infrastructure.Identity;

/// <summary>
/// Development only (never registered elsewhere): writes the message to the log, with the number masked,
/// and to the <see cref="DevelopmentSmsOutbox"/>.
/// </summary>
internal sealed partial class DevelopmentSmsSender(DevelopmentSmsOutbox outbox, ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        outbox.Record(message);
        Log(logger, message.To.Masked(), message.Text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development SMS (not sent) for {Phone}: {Text}")]
    private static partial void Log(ILogger logger, string phone, string text);
}
