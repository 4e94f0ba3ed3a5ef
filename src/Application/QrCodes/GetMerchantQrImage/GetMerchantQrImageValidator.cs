using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.QrCodes.GetMerchantQrImage;

public sealed class GetMerchantQrImageValidator : IValidator<GetMerchantQrImageQuery>
{
    public IEnumerable<Error> Validate(GetMerchantQrImageQuery query)
    {
        if (query.Size is < GetMerchantQrImageQuery.MinSize or > GetMerchantQrImageQuery.MaxSize)
        {
            yield return Error.Invalid(
                $"'size' must be between {GetMerchantQrImageQuery.MinSize} and {GetMerchantQrImageQuery.MaxSize} pixels.", "size");
        }

        if (!Enum.IsDefined(query.Format))
        {
            yield return Error.Invalid("The image format must be PNG or SVG.", "format");
        }
    }
}
