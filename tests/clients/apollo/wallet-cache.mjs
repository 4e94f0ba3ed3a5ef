// Apollo Client 4's normalized cache against CodeScan: a customer's app shows its wallet from a query, listens to
// walletChanged over graphql-ws, and the shown wallet updates by itself, with no refetch, because both carry the
// same Wallet id. Usage: node wallet-cache.mjs GRAPHQL_URL CUSTOMER_TOKEN MERCHANT_ID
// Prints "subscribed" once the subscription is sent, then one JSON object when the change arrived:
// { before, event, shown, requests }. Exits 1 when nothing arrives within 60 s.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, merchantId] = process.argv.slice(2);
let httpRequests = 0;
const http = new HttpLink({
  uri: url,
  headers: { authorization: `Bearer ${token}` },
  fetch: (input, init) => { httpRequests += 1; return fetch(input, init); },
});
const ws = new GraphQLWsLink(createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { headers: { Authorization: `Bearer ${token}` } },
  on: {
    closed: (event) => console.error(`graphql-ws closed: ${event?.code} ${event?.reason}`),
    error: (error) => console.error(`graphql-ws error: ${error?.message ?? error}`),
  },
}));
const link = ApolloLink.split(
  ({ query }) => getMainDefinition(query).operation === 'subscription',
  ws,
  http,
);
const client = new ApolloClient({ link, cache: new InMemoryCache() });

const fields = 'id storedValue { minorUnits } version';
const walletQuery = gql`query Wallet($m: ID!) { wallet(merchantId: $m) { ${fields} } }`;
const shown = [];
const watching = client.watchQuery({ query: walletQuery, variables: { m: merchantId } })
  .subscribe({ next: (result) => { if (result.data?.wallet) shown.push(result.data.wallet.storedValue.minorUnits); } });
const before = (await client.query({ query: walletQuery, variables: { m: merchantId } })).data.wallet;

const timeout = setTimeout(() => { console.error('No walletChanged within 60 s'); process.exit(1); }, 60_000);
const requestsBefore = httpRequests;
client.subscribe({ query: gql`subscription Changed($m: ID!) { walletChanged(merchantId: $m) { ${fields} } }`, variables: { m: merchantId } })
  .subscribe({
    next: (result) => {
      clearTimeout(timeout);
      // The cache writes the event under the Wallet's id; the watched query shows it when it re-reads the cache.
      const report = () => {
        console.log(JSON.stringify({ before, event: result.data.walletChanged, shown: shown.at(-1), requests: httpRequests - requestsBefore }));
        process.exit(0);
      };
      const expected = result.data.walletChanged.storedValue.minorUnits;
      const check = (left) => (shown.at(-1) === expected || left === 0 ? report() : setTimeout(() => check(left - 1), 10));
      check(500);
    },
    error: (error) => { console.error(`walletChanged failed: ${error?.message ?? JSON.stringify(error)}`); process.exit(1); },
    complete: () => console.error('walletChanged completed'),
  });
console.log('subscribed');
