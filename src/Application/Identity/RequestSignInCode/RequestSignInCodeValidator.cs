using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Identity.RequestSignInCode;

public sealed class RequestSignInCodeValidator : IValidator<RequestSignInCodeCommand>
{
    public IEnumerable<Error> Validate(RequestSignInCodeCommand message)
    {
        if (PhoneNumber.Parse(message.Phone).Error is { } phone)
        {
            yield return phone;
        }

        if (message.Locale is not null && !Locales.IsSupported(message.Locale))
        {
            yield return Error.Invalid("The locale is not supported.", "locale");
        }
    }
}
