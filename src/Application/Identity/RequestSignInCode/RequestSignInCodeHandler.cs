using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Domain.Common;
using CodeScan.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Identity.RequestSignInCode;

public sealed class RequestSignInCodeHandler(
    IApplicationDbContext db,
    IKeyedLocks locks,
    ISignInCodes codes,
    ISmsSender sms,
    IRequestContext request,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    ILogger<RequestSignInCodeHandler> logger) : ICommandHandler<RequestSignInCodeCommand, Outcome<SignInCodeSent>>
{
    private static readonly Error RateLimited = new(ErrorCode.RateLimited, "Too many codes were requested. Wait a while and try again.", "phone");

    public async ValueTask<Outcome<SignInCodeSent>> Handle(RequestSignInCodeCommand command, CancellationToken cancellationToken)
    {
        var phone = PhoneNumber.Parse(command.Phone).Value!;
        var now = clock.GetUtcNow();
        var identity = options.Value;
        var address = request.ClientAddress;

        // Requests for the same number or from the same address count one after another, or two arriving
        // together would both see room under the limit.
        await locks.LockAsync([$"sign-in-phone:{phone.Value}", $"sign-in-address:{address}"], cancellationToken);
        if (await IsRateLimitedAsync(phone, address, identity.RateLimits, now, cancellationToken))
        {
            logger.LogInformation("Sign-in code for {Phone} from {Address} refused: rate limited", phone.Masked(), address);
            return RateLimited;
        }

        // Only the newest code works: an earlier one still on its way cannot be used after this.
        var pending = await db.SignInChallenges
            .Where(c => c.Phone == phone && c.Status == SignInChallengeStatus.Pending)
            .ToListAsync(cancellationToken);
        pending.ForEach(c => c.Supersede());

        var code = codes.Generate();
        var challenge = SignInChallenge.Issue(phone, codes.Hash(phone, code), address, now, identity.CodeLifetime);
        db.SignInChallenges.Add(challenge);

        var locale = command.Locale ?? Locales.ZhCn;
        await sms.SendAsync(new SmsMessage(phone, SignInCodeText.For(code, locale, identity.CodeLifetime), locale), cancellationToken);
        return Outcome<SignInCodeSent>.Ok(new SignInCodeSent(challenge.ExpiresAt));
    }

    private async Task<bool> IsRateLimitedAsync(PhoneNumber phone, string address, SignInRateLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hourAgo = now.AddHours(-1);
        if (limits.PhoneInterval > TimeSpan.Zero)
        {
            var since = now - limits.PhoneInterval;
            if (await db.SignInChallenges.AnyAsync(c => c.Phone == phone && c.CreatedAt > since, cancellationToken))
            {
                return true;
            }
        }

        if (limits.PhonePerHour > 0
            && await db.SignInChallenges.CountAsync(c => c.Phone == phone && c.CreatedAt > hourAgo, cancellationToken) >= limits.PhonePerHour)
        {
            return true;
        }

        return limits.AddressPerHour > 0
            && await db.SignInChallenges.CountAsync(c => c.ClientAddress == address && c.CreatedAt > hourAgo, cancellationToken) >= limits.AddressPerHour;
    }
}
