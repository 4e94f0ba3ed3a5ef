using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Records.GetMerchantRecords;

public sealed class GetMerchantRecordsValidator : IValidator<GetMerchantRecordsQuery>
{
    public IEnumerable<Error> Validate(GetMerchantRecordsQuery query) =>
        new[] { RecordPage.FirstOutOfRange(query.First) }.OfType<Error>();
}
