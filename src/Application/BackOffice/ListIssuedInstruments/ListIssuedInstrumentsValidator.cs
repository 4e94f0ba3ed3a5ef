using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.BackOffice.ListIssuedInstruments;

public sealed class ListIssuedInstrumentsValidator : IValidator<ListIssuedInstrumentsQuery>
{
    public IEnumerable<Error> Validate(ListIssuedInstrumentsQuery query)
    {
        if (query.First is < 1 or > ListIssuedInstrumentsHandler.MaxPage)
        {
            yield return Error.Invalid($"'first' must be between 1 and {ListIssuedInstrumentsHandler.MaxPage}.", "first");
        }
    }
}
