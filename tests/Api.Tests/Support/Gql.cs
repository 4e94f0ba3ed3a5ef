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
}
