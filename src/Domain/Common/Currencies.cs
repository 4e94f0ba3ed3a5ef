namespace CodeScan.Domain.Common;

/// <summary>The ISO 4217 currencies a merchant may trade in, with their minor digits.</summary>
public static class Currencies
{
    public const string Default = "CNY";

    private static readonly Dictionary<string, int> MinorDigitsByCode = new(StringComparer.Ordinal)
    {
        ["CNY"] = 2,
        ["HKD"] = 2,
        ["USD"] = 2,
        ["EUR"] = 2,
        ["JPY"] = 0,
    };

    public static IReadOnlyCollection<string> Supported => MinorDigitsByCode.Keys;

    public static bool IsSupported(string? code) => code is not null && MinorDigitsByCode.ContainsKey(code);

    public static int MinorDigits(string code) => MinorDigitsByCode[code];
}
