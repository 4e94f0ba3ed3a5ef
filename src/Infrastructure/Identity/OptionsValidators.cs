using CodeScan.Application.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Identity;

/// <summary>Refuses to start outside Development with the development pepper, and with nonsense anywhere.</summary>
internal sealed class IdentityOptionsValidator(IHostEnvironment environment) : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        if (!environment.IsDevelopment() && options.CodePepper == IdentityOptions.DevelopmentCodePepper)
        {
            failures.Add("Identity:CodePepper must be configured outside Development.");
        }

        if (options.CodePepper is not { Length: >= 32 })
        {
            failures.Add("Identity:CodePepper must be at least 32 characters.");
        }

        if (options.CodeLifetime <= TimeSpan.Zero || options.RefreshTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Identity:CodeLifetime and Identity:RefreshTokenLifetime must be positive.");
        }

        var limits = options.RateLimits;
        if (limits.PhoneInterval < TimeSpan.Zero || limits.PhonePerHour < 0 || limits.AddressPerHour < 0)
        {
            failures.Add("Identity:RateLimits must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Outside Development codes must really be sent: a webhook gateway is required.</summary>
internal sealed class SmsOptionsValidator(IHostEnvironment environment) : IValidateOptions<SmsOptions>
{
    public const string MissingWebhook = "Sms:WebhookUrl and Sms:WebhookSecret must be configured outside Development: sign-in codes are sent through them.";

    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        if (!options.IsWebhookConfigured)
        {
            return environment.IsDevelopment() ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(MissingWebhook);
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.Add("Sms:WebhookUrl must be an absolute http(s) URL.");
        }

        if (options.WebhookSecret is not { Length: >= 32 })
        {
            failures.Add("Sms:WebhookSecret must be at least 32 characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
