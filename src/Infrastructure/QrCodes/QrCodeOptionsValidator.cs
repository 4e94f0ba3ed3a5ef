using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.QrCodes;

/// <summary>
/// Checked when the host starts: outside Development a real key and a public https address are required,
/// since a code printed with the development key could be forged by anyone who has read this repository.
/// </summary>
internal sealed class QrCodeOptionsValidator(IHostEnvironment environment) : IValidateOptions<QrCodeOptions>
{
    public ValidateOptionsResult Validate(string? name, QrCodeOptions options)
    {
        var failures = new List<string>();
        var development = environment.IsDevelopment();
        if (!development && (string.IsNullOrEmpty(options.SigningKey) || options.SigningKey == QrCodeOptions.DevelopmentSigningKey))
        {
            failures.Add("Qr:SigningKey must be configured outside Development.");
        }
        else if (options.SigningKey.Length < QrCodeOptions.MinSigningKeyLength)
        {
            failures.Add($"Qr:SigningKey must be at least {QrCodeOptions.MinSigningKeyLength} characters.");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl)
            || baseUrl.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(baseUrl.Query)
            || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            failures.Add("Qr:PublicBaseUrl must be an absolute http or https URL without query or fragment.");
        }
        else if (!development && baseUrl.Scheme != "https")
        {
            failures.Add("Qr:PublicBaseUrl must use https outside Development.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
