using CodeScan.Api.GraphQL.Alerts;
using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Wallets;

namespace CodeScan.Api.GraphQL;

/// <summary>The subscription root fields, in the order the schema lists them; each lives in GraphQL/&lt;Area&gt;/&lt;UseCase&gt;.cs.</summary>
public sealed class Subscription : RootType
{
    public Subscription()
    {
        Name = "Subscription";
        Add<WatchMerchantAlerts>();
        Add<WatchWallet>();
        Add<WatchMerchantReviews>();
    }
}
