using CodeScan.Api.GraphQL.Alerts;
using CodeScan.Api.GraphQL.Analytics;
using CodeScan.Api.GraphQL.BackOffice;
using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Nodes;
using CodeScan.Api.GraphQL.Orders;
using CodeScan.Api.GraphQL.QrCodes;
using CodeScan.Api.GraphQL.Records;
using CodeScan.Api.GraphQL.Redemptions;
using CodeScan.Api.GraphQL.Users;
using CodeScan.Api.GraphQL.Wallets;

namespace CodeScan.Api.GraphQL;

/// <summary>The query root fields, in the order the schema lists them; each lives in GraphQL/&lt;Area&gt;/&lt;UseCase&gt;.cs.</summary>
public sealed class Query : RootType
{
    public Query()
    {
        Name = "Query";
        Add<GetMe>();
        Add<GetNode>();
        Add<GetMerchant>();
        Add<GetWallet>();
        Add<GetWallets>();
        Add<GetMerchantAlerts>();
        Add<GetMyMerchants>();
        Add<GetMerchantApplications>();
        Add<ScanMerchant>();
        Add<GetMerchantQrCode>();
        Add<GetOrder>();
        Add<GetMyOrders>();
        Add<GetCatalog>();
        Add<ListIssuedInstruments>();
        Add<GetQuote>();
        Add<GetMyRecords>();
        Add<GetMerchantRecords>();
        Add<GetMerchantSales>();
        Add<GetMerchantLiability>();
        Add<GetPlatformSales>();
        Add<GetPlatformLiability>();
        Add<GetPlatformAnalysts>();
        Add<GetMerchantInstrumentPerformance>();
        Add<GetMerchantCustomers>();
        Add<GetPlatformInstrumentPerformance>();
        Add<GetPlatformCustomers>();
        MakeRefusableFieldsNullable();
    }
}
