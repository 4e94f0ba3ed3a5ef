using CodeScan.Domain.Common;

namespace CodeScan.Application.Common.Validation;

/// <summary>Checks the shape of a message (lengths, ranges, formats). Business rules belong to the domain.</summary>
public interface IValidator<in TMessage>
{
    IEnumerable<Error> Validate(TMessage message);
}
