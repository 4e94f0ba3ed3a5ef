import { map, type Observable } from 'rxjs';
import { idempotencyKey, succeeded, type Session } from './client.js';
import { graphql } from './gql/index.js';
import type { MerchantAlertFieldsFragment } from './gql/graphql.js';

const RegisterMerchant = graphql(`
  mutation RegisterMerchant($input: RegisterMerchantInput!) {
    registerMerchant(input: $input) {
      merchant { id name status }
      errors { code message }
    }
  }
`);

const ApproveMerchant = graphql(`
  mutation ApproveMerchant($input: ApproveMerchantInput!) {
    approveMerchant(input: $input) {
      merchant { id name status merchantCode }
      errors { code message }
    }
  }
`);

const RechargeAtCounter = graphql(`
  mutation RechargeAtCounter($input: RechargeAtCounterInput!) {
    rechargeAtCounter(input: $input) {
      recharge { id amount { display } storedValueAfter { minorUnits display } }
      errors { code message }
    }
  }
`);

const MerchantQrCode = graphql(`
  query MerchantQrCode($merchantId: ID!) {
    merchantQrCode(merchantId: $merchantId) { merchantCode version payload }
  }
`);

graphql(`
  fragment MerchantAlertFields on MerchantAlert {
    id
    kind
    mode
    amount { minorUnits display }
    balanceAfter { minorUnits display }
    customerPhoneMasked
    spokenText
    occurredAt
  }
`);

const LatestAlert = graphql(`
  query LatestAlert($merchantId: ID!) {
    merchantAlerts(merchantId: $merchantId, last: 1) {
      nodes { ...MerchantAlertFields }
    }
  }
`);

const MerchantAlerts = graphql(`
  subscription MerchantAlerts($merchantId: ID!, $after: String) {
    merchantAlerts(merchantId: $merchantId, after: $after) { ...MerchantAlertFields }
  }
`);

export type Alert = MerchantAlertFieldsFragment;

/** The applicant registers a merchant: it waits for review. */
export async function registerMerchant({ client }: Session, contactPhone: string, name: string) {
  const result = await client.mutate({
    mutation: RegisterMerchant,
    variables: {
      input: { name, contactPhone, businessLicenceNumber: '91310000MA1EXAMPLE', address: '1 Nanjing Road', category: 'tea', locale: 'EN_US' },
    },
  });
  return succeeded('registerMerchant', result.data?.registerMerchant).merchant!;
}

/** A platform admin approves it: it gets its merchant code and may trade. */
export async function approveMerchant({ client }: Session, merchantId: string) {
  const result = await client.mutate({ mutation: ApproveMerchant, variables: { input: { merchantId } } });
  return succeeded('approveMerchant', result.data?.approveMerchant).merchant!;
}

/** Staff sell stored value at the counter: the customer paid `amount` minor units there. */
export async function rechargeAtCounter({ client }: Session, merchantId: string, customerPhone: string, amount: number) {
  const result = await client.mutate({
    mutation: RechargeAtCounter,
    variables: { input: { merchantId, customerPhone, amount, idempotencyKey: idempotencyKey() } },
  });
  return succeeded('rechargeAtCounter', result.data?.rechargeAtCounter).recharge!;
}

/** The text of the merchant's printed QR code, which a customer's camera reads. */
export async function qrCodeText({ client }: Session, merchantId: string): Promise<string> {
  const result = await client.query({ query: MerchantQrCode, variables: { merchantId } });
  const qr = result.data?.merchantQrCode;
  if (!qr) {
    throw new Error('merchantQrCode: none (is the merchant approved?)');
  }

  return qr.payload;
}

/** The merchant's newest alert, if it has one yet. */
export async function newestAlert({ client }: Session, merchantId: string): Promise<Alert | undefined> {
  const result = await client.query({ query: LatestAlert, variables: { merchantId }, fetchPolicy: 'network-only' });
  return result.data?.merchantAlerts?.nodes.at(-1) ?? undefined;
}

/**
 * The till's newest alert, as a till that opens reads it before it subscribes: the alerts are a read model,
 * updated a moment after each payment, so it waits up to `timeoutMs` for one to appear.
 */
export async function latestAlert(session: Session, merchantId: string, timeoutMs = 10_000): Promise<Alert> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const newest = await newestAlert(session, merchantId);
    if (newest) {
      return newest;
    }

    if (Date.now() > deadline) {
      throw new Error(`merchantAlerts: no alert within ${timeoutMs} ms`);
    }

    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Every alert after `after` (an alert id; none: from now on), then live: what a till speaks. Passing the last alert
 * it heard means nothing said between reading it and the subscription starting on the server is lost.
 */
export function alerts({ client }: Session, merchantId: string, after?: string): Observable<Alert> {
  return client.subscribe({ query: MerchantAlerts, variables: { merchantId, after } }).pipe(
    map(({ data, error }) => {
      if (error || !data) {
        throw error ?? new Error('merchantAlerts: no data');
      }

      return data.merchantAlerts;
    }),
  );
}
