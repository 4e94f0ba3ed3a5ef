using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.BackOffice.ListIssuedInstruments;

public sealed class ListIssuedInstrumentsValidator : IValidator<ListIssuedInstrumentsQuery>
{
    public IEnumerable<Error> Validate(ListIssuedInstrumentsQuery query) => new[] { Rules.PageSize(query.First, ListIssuedInstrumentsHandler.MaxPage) }.OfType<Error>();
}
