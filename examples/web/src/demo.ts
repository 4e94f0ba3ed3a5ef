// The whole walk at the till, with three people's apps: a platform admin approves a merchant, its owner sells
// a customer stored value at the counter and opens the till, the customer scans the merchant's QR code and pays,
// and the till hears the payment. Prints each step; exits 0 once the till heard it, 1 on any error.
//
//   CODESCAN_URL             the service's GraphQL endpoint (default http://127.0.0.1:5080/graphql)
//   CODESCAN_ADMIN_PHONE     a platform admin's number (default +8613800000000, the Development admin)
//   CODESCAN_OWNER_PHONE     the merchant owner's number (default 13900000001)
//   CODESCAN_CUSTOMER_PHONE  the customer's number (default 13900000002)
import { firstValueFrom, filter, timeout } from 'rxjs';
import { connect, type Session } from './client.js';
import { payFromStoredValue, scanMerchant, walletAfter } from './customer.js';
import { alerts, approveMerchant, latestAlert, qrCodeText, rechargeAtCounter, registerMerchant } from './merchant.js';
import { signIn } from './signIn.js';

const url = process.env.CODESCAN_URL ?? 'http://127.0.0.1:5080/graphql';
const adminPhone = process.env.CODESCAN_ADMIN_PHONE ?? '+8613800000000';
const ownerPhone = process.env.CODESCAN_OWNER_PHONE ?? '13900000001';
const customerPhone = process.env.CODESCAN_CUSTOMER_PHONE ?? '13900000002';

const recharge = 10_000; // 100.00 CNY, in minor units
const bill = 2_500; // 25.00 CNY

const sessions: Session[] = [];
const open = async (phone: string) => {
  const session = connect(url, await signIn(url, phone));
  sessions.push(session);
  return session;
};

async function main() {
  const [admin, owner, customer] = await Promise.all([open(adminPhone), open(ownerPhone), open(customerPhone)]);
  console.log(`Signed in: admin ${adminPhone}, owner ${ownerPhone}, customer ${customerPhone}`);

  const applied = await registerMerchant(owner, ownerPhone, 'Tea House');
  const merchant = await approveMerchant(admin, applied.id);
  console.log(`Merchant ${merchant.name} ${merchant.status}, code ${merchant.merchantCode}, id ${merchant.id}`);

  const recharged = await rechargeAtCounter(owner, merchant.id, customerPhone, recharge);
  console.log(`Recharged ${recharged.amount.display} at the counter: the customer holds ${recharged.storedValueAfter.display}`);

  // The till opens as the merchant console does: it reads the newest alert (the recharge) and listens after it,
  // so the payment is heard even if it lands before the subscription has started on the server.
  const newest = await latestAlert(owner, merchant.id);
  const heard = firstValueFrom(
    alerts(owner, merchant.id, newest.id).pipe(
      filter((alert) => alert.kind === 'STORED_VALUE_REDEEMED'),
      timeout({ first: 15_000, with: () => { throw new Error('The till heard no payment within 15 s'); } }),
    ),
  );
  // Awaited once the customer has paid; until then a failure elsewhere is the one to report.
  heard.catch(() => undefined);
  console.log(`Till listening after alert ${newest.id} (${newest.kind})`);

  const qr = await qrCodeText(owner, merchant.id);
  const { quote } = await scanMerchant(customer, qr, bill);
  console.log(`Scanned ${merchant.name}: bill ${quote.amount.display}, ${quote.fromStoredValue.display} from stored value, ${quote.leftToPay.display} left to pay`);

  const paid = await payFromStoredValue(customer, merchant.id, bill);
  console.log(`Paid ${paid.amount.display}: ${paid.storedValueAfter.display} left`);

  const alert = await heard;
  console.log(`Alert: ${alert.kind} ${alert.amount.display} "${alert.spokenText}"`);

  const wallet = await walletAfter(customer, merchant.id, paid.storedValueAfter.minorUnits);
  console.log(`Wallet: ${wallet.storedValue.display}`);
}

try {
  await main();
  process.exitCode = 0;
} catch (error) {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await Promise.all(sessions.map((session) => session.close()));
}
