using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>
/// The short public code printed under a merchant's QR code: "M" and 8 characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L), so a cashier can read it out over the phone.
/// </summary>
public sealed record MerchantCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 9;

    private MerchantCode(string value) => Value = value;

    public string Value { get; }

    public static MerchantCode Generate(Func<int, int> nextIndex)
    {
        var chars = new char[Length];
        chars[0] = 'M';
        for (var i = 1; i < Length; i++)
        {
            chars[i] = Alphabet[nextIndex(Alphabet.Length)];
        }

        return new MerchantCode(new string(chars));
    }

    public static Result<MerchantCode> Parse(string? value) =>
        value is { Length: Length } && value[0] == 'M' && value.Skip(1).All(Alphabet.Contains)
            ? Result.Success(new MerchantCode(value))
            : Error.Invalid("Not a merchant code.", "merchantCode");

    public override string ToString() => Value;
}
