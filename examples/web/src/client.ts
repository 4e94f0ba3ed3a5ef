import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** One signed-in person's connection, as one app on one device would hold it. */
export interface Session {
  readonly client: ApolloClient;
  close(): Promise<void>;
}

/**
 * Queries and mutations over HTTP, subscriptions over one `graphql-transport-ws` socket, both carrying the
 * person's access token (none: anonymous, for signing in). The socket opens with the first subscription.
 */
export function connect(url: string, accessToken?: string): Session {
  const authorization = accessToken ? `Bearer ${accessToken}` : undefined;
  const http = new HttpLink({ uri: url, headers: authorization ? { authorization } : {} });
  const socket = createClient({
    url: url.replace(/^http/, 'ws'),
    // A browser has WebSocket built in; Node 20 does not.
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { headers: { Authorization: authorization } } : {},
  });
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(socket),
    http,
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    client,
    close: async () => {
      client.stop();
      await socket.dispose();
    },
  };
}

/** A payload's `errors` (expected failures: the operation changed nothing) turned into an exception. */
export function succeeded<T extends { errors: ReadonlyArray<{ code: string; message: string }> }>(what: string, payload: T | null | undefined): T {
  if (!payload) {
    throw new Error(`${what}: no data`);
  }

  if (payload.errors.length > 0) {
    throw new Error(`${what}: ${payload.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  }

  return payload;
}

/** A fresh key for a mutation that moves value: a retry with the same key would have no second effect. */
export const idempotencyKey = (): string => crypto.randomUUID();
