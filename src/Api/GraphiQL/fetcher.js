// The fetcher GraphiQL runs operations through: queries and mutations as HTTP POSTs to /graphql, subscriptions over
// graphql-ws (graphql-transport-ws) on the same path. The headers written in GraphiQL's headers editor go with
// every HTTP request and, for subscriptions, into the connection_init payload as { headers }, which the server
// reads the bearer token from.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';

export function createCodeScanFetcher(httpUrl, socketUrl) {
  // The server answers neither multipart nor incremental delivery; plain JSON is all it sends.
  const http = createGraphiQLFetcher({ url: httpUrl, enableIncrementalDelivery: false });
  const sockets = socketPool(socketUrl);
  return (params, options) => {
    const headers = withoutEmptyBearer(options?.headers);
    return isSubscription(params)
      ? sockets.clientFor(headers).iterate(params)
      : http(params, { ...options, headers });
  };
}

// Decided from the text being sent, not GraphiQL's parsed document: that one is updated a moment after the editor,
// so a subscription run right after it was written would still look like the query before it.
function isSubscription(params) {
  try {
    return getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false; // Not a document: the server says what is wrong with it.
  }
}

// The headers editor starts with "Authorization": "Bearer " for the token to be pasted into. Until it is, that
// header is left out: the server refuses a malformed token (401) where it answers an absent one anonymously, and
// the schema would not load.
function withoutEmptyBearer(headers) {
  const isEmptyBearer = ([name, value]) => name.toLowerCase() === 'authorization' && /^\s*bearer\s*$/i.test(String(value));
  return Object.fromEntries(Object.entries(headers ?? {}).filter((header) => !isEmptyBearer(header)));
}

// One socket for the headers in use; headers written afterwards (another token) open a new one, since
// graphql-transport-ws authenticates a connection once, at connection_init.
function socketPool(url) {
  let current = null;
  return {
    clientFor(headers) {
      const key = JSON.stringify(headers);
      if (current?.key !== key) {
        current?.client.dispose();
        const connectionParams = Object.keys(headers).length === 0 ? {} : { headers };
        current = { key, client: createClient({ url, connectionParams, lazy: true }) };
      }

      return current.client;
    },
  };
}
