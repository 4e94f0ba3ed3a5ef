namespace CodeScan.Domain.Common;

/// <summary>
/// A mobile number in E.164 form. Mainland China numbers are accepted with or without "+86".
/// </summary>
public sealed record PhoneNumber
{
    private PhoneNumber(string e164) => Value = e164;

    /// <summary>The E.164 form, e.g. "+8613812341234".</summary>
    public string Value { get; }

    /// <summary>The last four digits, the way a till reads a member out loud.</summary>
    public string LastFour => Value[^4..];

    public static Result<PhoneNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return Error.Invalid("A mobile number is required.", "phone");
        }

        var digits = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.StartsWith('+'))
        {
            // Other countries: E.164 allows at most 15 digits after the plus sign.
            var rest = digits[1..];
            return rest.Length is >= 8 and <= 15 && rest.All(char.IsAsciiDigit) && rest[0] != '0'
                ? Result.Success(new PhoneNumber(digits))
                : Error.Invalid("The mobile number is not a valid international number.", "phone");
        }

        // Mainland China mobile numbers: 11 digits starting with 1[3-9].
        return digits.Length == 11 && digits.All(char.IsAsciiDigit) && digits[0] == '1' && digits[1] is >= '3' and <= '9'
            ? Result.Success(new PhoneNumber("+86" + digits))
            : Error.Invalid("The mobile number is not a valid mainland China mobile number.", "phone");
    }

    /// <summary>Restores a number that was stored already normalised.</summary>
    public static PhoneNumber FromE164(string e164) => new(e164);

    /// <summary>A form safe for logs and alerts: "138****1234" (mainland numbers drop the +86).</summary>
    public string Masked()
    {
        if (Value.StartsWith("+86", StringComparison.Ordinal) && Value.Length == 14)
        {
            return $"{Value[3..6]}****{Value[^4..]}";
        }

        return $"{Value[..3]}****{Value[^4..]}";
    }

    public override string ToString() => Masked();
}
