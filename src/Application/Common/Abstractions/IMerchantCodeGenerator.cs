using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Common.Abstractions;

public interface IMerchantCodeGenerator
{
    /// <summary>A merchant code that no other merchant holds.</summary>
    Task<MerchantCode> NextAsync(CancellationToken cancellationToken);
}
