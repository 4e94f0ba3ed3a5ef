using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An exact amount: minor units (fen for CNY) of an ISO 4217 currency.";
        Field<NonNullGraphType<LongGraphType>>("minorUnits").Resolve(ctx => ctx.Source.MinorUnits);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<StringGraphType>>("display").Description("The amount with exactly the currency's minor digits, e.g. \"25.00 CNY\".").Resolve(ctx => ctx.Source.ToString());
    }
}
