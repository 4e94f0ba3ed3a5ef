import { idempotencyKey, succeeded, type Session } from './client.js';
import { graphql } from './gql/index.js';

const ScanMerchant = graphql(`
  query ScanMerchant($qr: String!, $amount: Long) {
    scanMerchant(qr: $qr, amount: $amount) {
      merchant { id name }
      quote { amount { display } fromStoredValue { display } leftToPay { minorUnits display } suggestedMode }
      errors { code message }
    }
  }
`);

const Redeem = graphql(`
  mutation Redeem($input: RedeemInput!) {
    redeem(input: $input) {
      redemption { id amount { minorUnits display } fromStoredValue { display } storedValueAfter { minorUnits display } createdAt }
      errors { code message }
    }
  }
`);

const Wallet = graphql(`
  query Wallet($merchantId: ID!) {
    wallet(merchantId: $merchantId) { id storedValue { minorUnits display } version }
  }
`);

/** The customer's camera read the merchant's QR code and they typed the bill: who is paid, and how. */
export async function scanMerchant({ client }: Session, qr: string, amount: number) {
  const result = await client.query({ query: ScanMerchant, variables: { qr, amount }, fetchPolicy: 'network-only' });
  const scanned = succeeded('scanMerchant', result.data?.scanMerchant);
  if (!scanned.merchant || !scanned.quote) {
    throw new Error('scanMerchant: no merchant or quote');
  }

  return { merchant: scanned.merchant, quote: scanned.quote };
}

/** The customer pays the bill from their stored value there. */
export async function payFromStoredValue({ client }: Session, merchantId: string, amount: number) {
  const result = await client.mutate({
    mutation: Redeem,
    variables: { input: { merchantId, mode: 'STORED_VALUE', amount, idempotencyKey: idempotencyKey() } },
  });
  return succeeded('redeem', result.data?.redeem).redemption!;
}

/**
 * The customer's wallet at the merchant once it shows `storedValue` (what the payment left): the wallet is a
 * read model, a moment behind the payment, so this asks again until it has caught up or `timeoutMs` passed.
 */
export async function walletAfter({ client }: Session, merchantId: string, storedValue: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await client.query({ query: Wallet, variables: { merchantId }, fetchPolicy: 'network-only' });
    const wallet = result.data?.wallet;
    if (wallet?.storedValue.minorUnits === storedValue) {
      return wallet;
    }

    if (Date.now() > deadline) {
      throw new Error(`wallet: shows ${wallet?.storedValue.display ?? 'nothing'}, not the balance the payment left`);
    }

    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
