using CodeScan.Domain.Common;

namespace CodeScan.Application.Common.Validation;

/// <summary>Small shape checks shared by validators.</summary>
public static class Rules
{
    public const int MaxIdempotencyKeyLength = 64;

    public static Error? IdempotencyKey(string? key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxIdempotencyKeyLength
            ? Error.Invalid($"An idempotency key of 1 to {MaxIdempotencyKeyLength} characters is required.", "idempotencyKey")
            : null;

    public static Error? Amount(long minorUnits, string field = "amount") => Money.OutOfRange(minorUnits, field);

    /// <summary>The page size of a connection: <c>first</c> from 1 to the use case's largest page.</summary>
    public static Error? PageSize(int first, int maxPage) =>
        first is >= 1 && first <= maxPage ? null : Error.Invalid($"'first' must be between 1 and {maxPage}.", "first");
}
