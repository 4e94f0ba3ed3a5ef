// The signed-in session and GraphQL over HTTP, for the console and the dashboard: one file, embedded under both
// pages (Api.csproj) and served as /console/session.js and /dashboard/session.js.
//
// The tokens are kept in the tab's sessionStorage under the console's keys, so moving between the console and
// the dashboard in one tab stays signed in (and on the same merchant). Never in the URL, localStorage or a cookie.
const SESSION_KEY = 'codescan.console.session';
const MERCHANT_KEY = 'codescan.console.merchant';
const GRAPHQL_PATH = '/graphql';

/** The request was refused for want of a valid session: sign in again. */
export class AuthError extends Error {}

/** A GraphQL error the page explains: `code` is FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, network or unexpected. */
export class ApiError extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

export const session = {
  read() {
    try {
      return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    } catch {
      return null;
    }
  },
  write(value) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  },
  /** Forgets the tokens but keeps the rest (the console's alert cursors), so signing in again replays what was missed. */
  forget() {
    sessionStorage.removeItem(SESSION_KEY);
  },
  get merchantId() {
    return sessionStorage.getItem(MERCHANT_KEY);
  },
  set merchantId(value) {
    if (value) {
      sessionStorage.setItem(MERCHANT_KEY, value);
    } else {
      sessionStorage.removeItem(MERCHANT_KEY);
    }
  },
};

/**
 * One GraphQL request. A report is all or nothing: any error (a refused field included) fails the request with
 * the first error's code, rather than drawing a chart from part of the answer.
 */
export async function post(query, variables, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }

  let response;
  try {
    response = await fetch(GRAPHQL_PATH, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('network');
  }

  const body = await response.json().catch(() => null);
  const codes = (body?.errors ?? []).map((error) => error.extensions?.code);
  if (response.status === 401 || codes.includes('UNAUTHENTICATED')) {
    throw new AuthError('unauthenticated');
  }

  if (!body?.data || codes.length > 0) {
    throw new ApiError(codes.find((code) => code) ?? 'unexpected');
  }

  return body.data;
}

/** A signed-in request: on an expired access token, refreshes once and tries again. */
export async function authorized(query, variables) {
  const current = session.read();
  if (!current) {
    throw new AuthError('signed out');
  }

  try {
    return await post(query, variables, current.accessToken);
  } catch (error) {
    if (!(error instanceof AuthError) || !(await refreshTokens())) {
      throw error;
    }

    return post(query, variables, session.read().accessToken);
  }
}

let refreshing = null;

/**
 * Trades the refresh token for new tokens; false when the session cannot be renewed. A refresh token used twice
 * counts as stolen and ends the session, so concurrent callers (requests, the console's socket) share one trade.
 */
export function refreshTokens() {
  refreshing ??= tradeRefreshToken().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function tradeRefreshToken() {
  const current = session.read();
  if (!current?.refreshToken) {
    return false;
  }

  try {
    const data = await post(
      'mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken accessTokenExpiresAt refreshToken errors { code } } }',
      { input: { refreshToken: current.refreshToken } });
    const payload = data.refreshToken;
    if (!payload.accessToken) {
      return false;
    }

    session.write({ ...current, ...tokensOf(payload) });
    return true;
  } catch {
    return false;
  }
}

function tokensOf(payload) {
  return { accessToken: payload.accessToken, accessTokenExpiresAt: payload.accessTokenExpiresAt, refreshToken: payload.refreshToken };
}

/** Texts a code; returns the first error code, or null when it was sent. */
export async function requestCode(phone, locale) {
  const data = await post(
    'mutation ($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) { expiresAt errors { code } } }',
    { input: { phone, locale } });
  return data.requestSignInCode.errors[0]?.code ?? null;
}

/** Signs in with the texted code; returns the first error code, or null when signed in. */
export async function signIn(phone, code) {
  const data = await post(
    'mutation ($input: SignInInput!) { signIn(input: $input) { accessToken accessTokenExpiresAt refreshToken errors { code } } }',
    { input: { phone, code } });
  if (!data.signIn.accessToken) {
    return data.signIn.errors[0]?.code ?? 'unexpected';
  }

  session.write(tokensOf(data.signIn));
  return null;
}

/** Forgets everything the tab kept and, best effort, ends the refresh token on the server. */
export function signOut() {
  const current = session.read();
  sessionStorage.clear();
  if (current?.refreshToken) {
    // Best effort: the access token expires on its own.
    post('mutation ($input: SignOutInput!) { signOut(input: $input) { signedOut } }', { input: { refreshToken: current.refreshToken } })
      .catch(() => {});
  }
}
