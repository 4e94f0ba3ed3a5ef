using CodeScan.Api.GraphQL.Types;
using CodeScan.Domain.Common;
using global::GraphQL;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary>
/// String-keyed input helpers still used by fields of other areas that are not yet converted to typed
/// input records. They go once no field uses them.
/// </summary>
public static class MerchantReviewFields
{
    internal static Dictionary<string, object?> Input(IResolveFieldContext context) => context.GetArgument<Dictionary<string, object?>>("input");

    internal static string Text(Dictionary<string, object?> input, string name) => input.GetValueOrDefault(name) as string ?? string.Empty;

    /// <summary>
    /// An id that does not decode becomes the empty id, which matches no merchant: the pipeline still
    /// authorizes the caller first, and the handler then answers NOT_FOUND.
    /// </summary>
    internal static MerchantId MerchantIdOf(Dictionary<string, object?> input)
    {
        GlobalId.TryDecode(input.GetValueOrDefault("merchantId")?.ToString(), MerchantType.TypeName, out var id);
        return new MerchantId(id);
    }
}
