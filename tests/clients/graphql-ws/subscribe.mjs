// Subscribes through the reference `graphql-ws` client so our server is checked against the
// implementation most browsers and apps use, not only against our own test client.
//
// Usage (flags win over environment variables):
//   node subscribe.mjs --url ws://127.0.0.1:5000/graphql --query 'subscription { ... }' \
//     [--token good] [--variables '{"a":1}'] [--count 2] [--timeout 10000]
//   GQL_URL, GQL_TOKEN, GQL_QUERY, GQL_VARIABLES, GQL_COUNT, GQL_TIMEOUT_MS
//
// stdout: one JSON line per `next` payload. stderr: diagnostics.
// Exit codes: 0 after --count payloads (or on completion when --count is 0), 1 bad arguments,
// 2 operation or connection error, 3 completed before --count payloads, 4 timeout.
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    query: { type: 'string' },
    variables: { type: 'string' },
    count: { type: 'string' },
    timeout: { type: 'string' },
  },
});

const url = values.url ?? process.env.GQL_URL;
const token = values.token ?? process.env.GQL_TOKEN ?? '';
const query = values.query ?? process.env.GQL_QUERY;
const variablesText = values.variables ?? process.env.GQL_VARIABLES ?? '';
const expected = Number.parseInt(values.count ?? process.env.GQL_COUNT ?? '1', 10);
const timeoutMs = Number.parseInt(values.timeout ?? process.env.GQL_TIMEOUT_MS ?? '10000', 10);

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

if (!url || !query) {
  fail(1, 'Both --url and --query are required.');
}
if (!Number.isInteger(expected) || expected < 0 || !Number.isInteger(timeoutMs) || timeoutMs <= 0) {
  fail(1, '--count must be a non-negative integer and --timeout a positive number of milliseconds.');
}

let variables;
try {
  variables = variablesText ? JSON.parse(variablesText) : undefined;
} catch (error) {
  fail(1, `--variables is not valid JSON: ${error.message}`);
}

function describe(error) {
  if (Array.isArray(error)) {
    return `GraphQL errors: ${JSON.stringify(error)}`;
  }
  if (error && typeof error === 'object' && 'code' in error && 'reason' in error) {
    return `Socket closed with ${error.code}: ${error.reason}`;
  }
  if (error instanceof Error) {
    return error.message;
  }
  // `ws` reports socket failures as an ErrorEvent wrapping the real error.
  if (error && typeof error === 'object' && (error.error instanceof Error || typeof error.message === 'string')) {
    return error.error?.message ?? error.message;
  }
  return JSON.stringify(error);
}

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  // The tests want the first failure, not the client's reconnect loop.
  retryAttempts: 0,
  connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
  on: {
    connected: () => process.stderr.write('connected\n'),
  },
});

const timer = setTimeout(() => {
  fail(4, `Timed out after ${timeoutMs} ms waiting for ${expected} payload(s).`);
}, timeoutMs);

let received = 0;

async function finish(code, message) {
  clearTimeout(timer);
  if (message) {
    process.stderr.write(`${message}\n`);
  }
  await client.dispose();
  process.exit(code);
}

client.subscribe(
  { query, variables },
  {
    next: (payload) => {
      process.stdout.write(`${JSON.stringify(payload)}\n`);
      received += 1;
      if (expected > 0 && received >= expected) {
        void finish(0);
      }
    },
    error: (error) => {
      void finish(2, describe(error));
    },
    complete: () => {
      if (expected > 0 && received < expected) {
        void finish(3, `Completed after ${received} of ${expected} payload(s).`);
      } else {
        void finish(0);
      }
    },
  },
);
