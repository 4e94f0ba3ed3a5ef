// A till that stays open: a merchant's owner or cashier signs in and the till prints every alert of the merchant
// from its newest one on, for as long as it runs. Its socket outlives the access token it was opened with: the
// session renews the token before it expires and hands the fresh one to the socket in a `ping` (client.ts).
// Prints what happens to the socket; exits 0 when stopped (Ctrl+C) or after CODESCAN_ALERTS alerts, 1 on any error.
//
//   CODESCAN_URL                          the service's GraphQL endpoint (default http://127.0.0.1:5080/graphql)
//   CODESCAN_STAFF_PHONE                  the owner's or a cashier's number (required)
//   CODESCAN_MERCHANT_ID                  the merchant's id (required)
//   CODESCAN_RENEW_BEFORE_EXPIRY_SECONDS  how long before the access token expires it is renewed (default 60)
//   CODESCAN_ALERTS                       stop after this many alerts (default: run until stopped)
import { connect } from './client.js';
import { alerts, newestAlert } from './merchant.js';
import { signIn } from './signIn.js';

const url = process.env.CODESCAN_URL ?? 'http://127.0.0.1:5080/graphql';
const staffPhone = required('CODESCAN_STAFF_PHONE');
const merchantId = required('CODESCAN_MERCHANT_ID');
const renewBeforeExpiryMs = Number(process.env.CODESCAN_RENEW_BEFORE_EXPIRY_SECONDS ?? '60') * 1_000;
const stopAfter = Number(process.env.CODESCAN_ALERTS ?? 'Infinity');

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name}.`);
    process.exit(1);
  }

  return value;
}

const session = connect(url, await signIn(url, staffPhone), {
  renewBeforeExpiryMs,
  on: {
    socketOpened: () => console.log('Socket opened'),
    socketRenewed: (expiresAt) => console.log(`Socket renewed until ${expiresAt}`),
    socketClosed: (code, reason) => console.log(`Socket closed: ${code} ${reason}`),
    renewalFailed: (error) => console.error(`Token renewal failed: ${error instanceof Error ? error.message : String(error)}`),
  },
});

const stop = async (exitCode: number) => {
  process.exitCode = exitCode;
  listening.unsubscribe();
  await session.close();
};

const newest = await newestAlert(session, merchantId);
let heard = 0;
const listening = alerts(session, merchantId, newest?.id).subscribe({
  next: (alert) => {
    console.log(`Alert: ${alert.kind} ${alert.amount.display} "${alert.spokenText}"`);
    heard += 1;
    if (heard >= stopAfter) {
      void stop(0);
    }
  },
  error: (error: unknown) => {
    console.error(`Till failed: ${error instanceof Error ? error.message : String(error)}`);
    void stop(1);
  },
});
console.log(`Till listening${newest ? ` after alert ${newest.id}` : ''}`);
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
