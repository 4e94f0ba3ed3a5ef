namespace CodeScan.Api.Tests.Support;

/// <summary>The GraphQL documents the tests send, written once.</summary>
public static class Gql
{
    public const string RegisterMerchant = """
        mutation($input: RegisterMerchantInput!) {
          registerMerchant(input: $input) { merchant { id status merchantCode } errors { code message path } }
        }
        """;

    public const string ApproveMerchant = """
        mutation($input: ApproveMerchantInput!) {
          approveMerchant(input: $input) { merchant { id status merchantCode } errors { code message path } }
        }
        """;

    public const string RechargeAtCounter = """
        mutation($input: RechargeAtCounterInput!) {
          rechargeAtCounter(input: $input) {
            recharge { id amount { minorUnits } bonus { minorUnits } storedValueAfter { minorUnits display } }
            errors { code message path }
          }
        }
        """;

    public const string Redeem = """
        mutation($input: RedeemInput!) {
          redeem(input: $input) {
            redemption { id amount { minorUnits display } fromPrincipal { minorUnits } fromBonus { minorUnits } storedValueAfter { minorUnits display } }
            errors { code message path }
          }
        }
        """;

    public const string Wallet = """
        query($merchantId: ID!) {
          wallet(merchantId: $merchantId) { storedValue { minorUnits display } principal { minorUnits } bonus { minorUnits } version }
        }
        """;

    public const string MerchantAlertsSubscription = """
        subscription($merchantId: ID!) {
          merchantAlerts(merchantId: $merchantId) {
            id kind amount { minorUnits display } customerPhoneMasked balanceAfter { minorUnits } locale spokenText
            english: spokenText(locale: EN_US)
          }
        }
        """;

    public const string WalletChangedSubscription = """
        subscription($merchantId: ID!) {
          walletChanged(merchantId: $merchantId) { storedValue { minorUnits display } principal { minorUnits } bonus { minorUnits } version }
        }
        """;

    public const string MerchantDetails = """
        merchant { id status merchantCode decisions { kind reason decidedAt decidedBy } staff { phone role } }
        errors { code message path }
        """;

    public const string RejectMerchant = "mutation($input: MerchantDecisionInput!) { rejectMerchant(input: $input) { " + MerchantDetails + " } }";

    public const string SuspendMerchant = "mutation($input: MerchantDecisionInput!) { suspendMerchant(input: $input) { " + MerchantDetails + " } }";

    public const string ReinstateMerchant = "mutation($input: MerchantIdInput!) { reinstateMerchant(input: $input) { " + MerchantDetails + " } }";

    public const string ResubmitMerchantApplication = "mutation($input: ResubmitMerchantApplicationInput!) { resubmitMerchantApplication(input: $input) { " + MerchantDetails + " } }";

    public const string AddCashier = "mutation($input: CashierInput!) { addCashier(input: $input) { " + MerchantDetails + " } }";

    public const string RemoveCashier = "mutation($input: CashierInput!) { removeCashier(input: $input) { " + MerchantDetails + " } }";

    public const string MerchantReviewedSubscription = "subscription { merchantReviewed { merchantId status reason decidedAt merchant { id status } } }";

    public const string MyMerchants = "{ myMerchants { id status name decisions { kind reason } } }";

    public const string MerchantApplications = """
        query($status: MerchantStatus, $after: String, $first: Int) {
          merchantApplications(status: $status, after: $after, first: $first) {
            edges { cursor node { id name status } } pageInfo { hasNextPage endCursor }
          }
        }
        """;
}
