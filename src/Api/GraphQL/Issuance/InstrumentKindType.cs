using CodeScan.Application.Issuance;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Issuance;

public sealed class InstrumentKindType : EnumerationGraphType<InstrumentKind>
{
    public InstrumentKindType() => Name = "InstrumentKind";
}
