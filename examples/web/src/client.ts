import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { refreshTokens, renewalDelayMs, type Tokens } from './tokens.js';

/** One signed-in person's connection, as one app on one device would hold it. */
export interface Session {
  readonly client: ApolloClient;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** How long before the access token expires the session renews it; a minute unless said. */
  readonly renewBeforeExpiryMs?: number;
  /** What happens to the socket and the tokens, for a till to show. */
  readonly on?: SessionEvents;
}

export interface SessionEvents {
  socketOpened?(): void;
  /** The service took the fresh token the socket was handed: the socket now lives until `expiresAt`. */
  socketRenewed?(expiresAt: string): void;
  socketClosed?(code: number, reason: string): void;
  /** The tokens could not be renewed (the session was signed out, say); the service will close the socket at expiry. */
  renewalFailed?(error: unknown): void;
}

/**
 * Queries and mutations over HTTP, subscriptions over one `graphql-transport-ws` socket, both carrying the
 * person's access token (none: anonymous, for signing in). The socket opens with the first subscription.
 *
 * The service closes a socket (4403) when the access token it holds expires. A signed-in session therefore renews
 * its tokens before then (`refreshToken`) and hands the fresh access token to the open socket in a `ping` payload,
 * as the merchant console does, so the socket and its subscriptions carry on; HTTP and any later socket use it too.
 */
export function connect(url: string, tokens?: Tokens, options: SessionOptions = {}): Session {
  const on = options.on ?? {};
  let current = tokens;
  let live: WebSocket | undefined;
  let pendingExpiry: string | undefined;
  let renewal: ReturnType<typeof setTimeout> | undefined;
  const authorization = () => (current ? `Bearer ${current.accessToken}` : undefined);

  const http = new SetContextLink((context) => {
    const bearer = context.anonymous ? undefined : authorization();
    return { headers: { ...context.headers, ...(bearer ? { authorization: bearer } : {}) } };
  }).concat(new HttpLink({ uri: url }));
  const socket = createClient({
    url: url.replace(/^http/, 'ws'),
    // A browser has WebSocket built in; Node 20 does not.
    webSocketImpl: WebSocket,
    // Asked on every (re)connect, so a socket opened later carries the newest token.
    connectionParams: () => {
      const bearer = authorization();
      return bearer ? { headers: { Authorization: bearer } } : {};
    },
    on: {
      connected: (opened) => {
        live = opened as WebSocket;
        on.socketOpened?.();
      },
      closed: (event) => {
        live = undefined;
        const { code, reason } = event as { code: number; reason: string };
        on.socketClosed?.(code, reason);
      },
      // The service answers a ping carrying a token only once it has taken it (a refused one closes the socket).
      pong: (received) => {
        if (received && pendingExpiry) {
          on.socketRenewed?.(pendingExpiry);
          pendingExpiry = undefined;
        }
      },
    },
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

  let closed = false;
  const scheduleRenewal = () => {
    if (!current || closed) {
      return;
    }

    const { accessToken, refreshToken } = current;
    renewal = setTimeout(async () => {
      try {
        const fresh = await refreshTokens(client, refreshToken);
        if (closed) {
          return;
        }

        current = fresh;
      } catch (error) {
        if (!closed) {
          on.renewalFailed?.(error);
        }

        return;
      }

      if (live?.readyState === WebSocket.OPEN) {
        pendingExpiry = current.accessTokenExpiresAt;
        live.send(JSON.stringify({ type: 'ping', payload: { authorization: `Bearer ${current.accessToken}` } }));
      }

      scheduleRenewal();
    }, renewalDelayMs(accessToken, options.renewBeforeExpiryMs ?? 60_000));
  };
  scheduleRenewal();

  return {
    client,
    close: async () => {
      closed = true;
      clearTimeout(renewal);
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
