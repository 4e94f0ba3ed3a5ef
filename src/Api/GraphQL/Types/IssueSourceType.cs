using CodeScan.Domain.Instruments;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

/// <summary>How a card or coupon was issued; shown by Issuance and by BackOffice.</summary>
public sealed class IssueSourceType : EnumerationGraphType<IssueSource>
{
    public IssueSourceType() => Name = "IssueSource";
}
