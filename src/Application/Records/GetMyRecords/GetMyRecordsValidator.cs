using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Records.GetMyRecords;

public sealed class GetMyRecordsValidator : IValidator<GetMyRecordsQuery>
{
    public IEnumerable<Error> Validate(GetMyRecordsQuery query)
    {
        // The API turns a merchant id that does not decode into the empty id.
        if (query.MerchantId is { Value: var id } && id == Guid.Empty)
        {
            yield return Error.Invalid("'merchantId' is not a merchant id.", "merchantId");
        }

        if (RecordPage.FirstOutOfRange(query.First) is { } error)
        {
            yield return error;
        }
    }
}
