using System.Reflection;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Common.Messaging;

/// <summary>Builds a failed <typeparamref name="TResponse"/> for behaviours that only know it is an <see cref="IOutcome"/>.</summary>
internal static class OutcomeFactory<TResponse>
{
    private static readonly Func<Error, IOutcome>? Factory = Create();

    public static bool IsOutcome => Factory is not null;

    public static TResponse Failure(Error error) =>
        Factory is null
            ? throw new InvalidOperationException($"{typeof(TResponse).Name} cannot carry an expected error.")
            : (TResponse)Factory(error);

    private static Func<Error, IOutcome>? Create()
    {
        if (!typeof(IOutcome).IsAssignableFrom(typeof(TResponse)))
        {
            return null;
        }

        var method = typeof(TResponse).GetMethod(nameof(Outcome<int>.Fail), BindingFlags.Public | BindingFlags.Static, [typeof(Error)])!;
        return error => (IOutcome)method.Invoke(null, [error])!;
    }
}
