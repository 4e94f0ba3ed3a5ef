using CodeScan.Application.Catalog;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

public sealed class ValidityType : ObjectGraphType<ValidityDto>
{
    public ValidityType()
    {
        Name = "Validity";
        Description = "Either a number of days from issue, or a window (validUntil, and validFrom when it starts later).";
        Field<IntGraphType>("days").Resolve(ctx => ctx.Source.Days);
        Field<DateTimeOffsetGraphType>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
        Field<DateTimeOffsetGraphType>("validUntil").Resolve(ctx => ctx.Source.ValidUntil);
    }
}
