using CodeScan.Domain.Common;

namespace CodeScan.Domain.Tests.Support;

/// <summary>Asserts on a <see cref="Result{T}"/> and says why when the outcome is not the expected one.</summary>
internal static class ResultAssert
{
    public static T AssertSuccess<T>(this Result<T> result)
    {
        Assert.True(result.IsSuccess, $"Expected success but got {result.Error}.");
        return result.Value!;
    }

    public static Error AssertFailure<T>(this Result<T> result, ErrorCode code, string? field)
    {
        Assert.False(result.IsSuccess, $"Expected {code} on '{field}' but the operation succeeded.");
        var error = result.Error!;
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }
}
