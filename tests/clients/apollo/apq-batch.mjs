// Apollo Client 4 against CodeScan: automatic persisted queries (PersistedQueryLink) and batching (BatchHttpLink).
// Usage: node apq-batch.mjs GRAPHQL_URL
// Prints one JSON object: what each client received and the HTTP requests it made; exits 1 on any failure.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

const [url] = process.argv.slice(2);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** A fetch that records what each request sent. */
function recordingFetch(log) {
  return async (input, init) => {
    const body = init?.body ? JSON.parse(init.body) : null;
    log.push({ method: init?.method ?? "GET", body, url: String(input) });
    return fetch(input, init);
  };
}

function persistedClient(log, useGETForHashedQueries) {
  const link = new PersistedQueryLink({ sha256, useGETForHashedQueries })
    .concat(new HttpLink({ uri: url, fetch: recordingFetch(log) }));
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

const query = gql`query Typename { __typename }`;

// First client: the server has never seen the hash, so the link sends it, hears PersistedQueryNotFound, and
// sends hash and query together. Second client (a fresh cache): the hash alone is enough, here over GET.
const firstLog = [];
const first = await persistedClient(firstLog, false).query({ query, fetchPolicy: 'network-only' });
const secondLog = [];
const second = await persistedClient(secondLog, true).query({ query, fetchPolicy: 'network-only' });

// Batching: three queries issued together go out as one POST whose body is an array.
const batchLog = [];
const batched = new ApolloClient({
  link: new BatchHttpLink({ uri: url, batchMax: 5, fetch: recordingFetch(batchLog) }),
  cache: new InMemoryCache(),
});
const results = await Promise.all([
  batched.query({ query: gql`query A { __typename }`, fetchPolicy: 'network-only' }),
  batched.query({ query: gql`query B { me { id } }`, fetchPolicy: 'network-only' }),
  batched.query({ query: gql`query C { a: __typename }`, fetchPolicy: 'network-only' }),
]);

console.log(JSON.stringify({
  persisted: {
    first: first.data,
    firstRequests: firstLog.map((r) => ({ method: r.method, hasQuery: typeof r.body?.query === 'string', hash: r.body?.extensions?.persistedQuery?.sha256Hash ?? null })),
    second: second.data,
    secondRequests: secondLog.map((r) => ({ method: r.method, hasQuery: r.method === 'POST' ? typeof r.body?.query === 'string' : new URL(r.url).searchParams.has('query') })),
  },
  batch: {
    results: results.map((r) => r.data),
    requests: batchLog.map((r) => ({ method: r.method, operations: Array.isArray(r.body) ? r.body.length : null })),
  },
}));
