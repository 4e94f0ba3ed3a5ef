using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Identity;
using CodeScan.Api.GraphQL.Issuance;
using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Orders;
using CodeScan.Api.GraphQL.QrCodes;
using CodeScan.Api.GraphQL.Redemptions;
using CodeScan.Api.GraphQL.Staff;
using CodeScan.Api.GraphQL.Users;
using CodeScan.Api.GraphQL.Wallets;

namespace CodeScan.Api.GraphQL;

/// <summary>The mutation root fields, in the order the schema lists them; each lives in GraphQL/&lt;Area&gt;/&lt;UseCase&gt;.cs.</summary>
public sealed class Mutation : RootType
{
    public Mutation()
    {
        Name = "Mutation";
        Add<RegisterMerchant>();
        Add<ApproveMerchant>();
        Add<RechargeAtCounter>();
        Add<Redeem>();
        Add<ReverseRedemption>();
        Add<RequestWriteOffCode>();
        Add<WriteOff>();
        Add<RejectMerchant>();
        Add<SuspendMerchant>();
        Add<ReinstateMerchant>();
        Add<ResubmitMerchantApplication>();
        Add<AddCashier>();
        Add<RemoveCashier>();
        Add<AddAnalyst>();
        Add<RemoveAnalyst>();
        Add<AddPlatformAnalyst>();
        Add<RemovePlatformAnalyst>();
        Add<SetMerchantTimeZone>();
        Add<DefineCardProduct>();
        Add<DefineCouponTemplate>();
        Add<DefineRechargePlan>();
        Add<ChangeCatalogItemStatus>();
        Add<RequestSignInCode>();
        Add<SignIn>();
        Add<RefreshAccessToken>();
        Add<SignOut>();
        Add<RotateMerchantQrCode>();
        Add<Purchase>();
        Add<ClaimCoupon>();
        Add<IssueAtCounter>();
    }
}
