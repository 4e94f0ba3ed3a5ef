using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class WalletType : ObjectGraphType<WalletView>
{
    public WalletType()
    {
        Name = "Wallet";
        Description = "The signed-in customer's holdings at one merchant (read model: eventually consistent, see `version`).";
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<MoneyType>>("storedValue").Description("Principal plus bonus.").Resolve(ctx => new Money(ctx.Source.Balance, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("principal").Description("Stored value the customer paid for.").Resolve(ctx => new Money(ctx.Source.Principal, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonus").Description("Stored value granted on top of recharges.").Resolve(ctx => new Money(ctx.Source.Bonus, ctx.Source.Currency));
        Field<NonNullGraphType<LongGraphType>>("version").Description("The event-log position this view reflects.").Resolve(ctx => ctx.Source.Position);
        Field<DateTimeOffsetGraphType>("asOf").Resolve(ctx => ctx.Source.Position == 0 ? null : ctx.Source.AsOf);
    }
}
