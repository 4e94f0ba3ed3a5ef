import { connect, succeeded } from './client.js';
import { graphql } from './gql/index.js';
import type { Tokens } from './tokens.js';

const RequestSignInCode = graphql(`
  mutation RequestSignInCode($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input) {
      expiresAt
      errors { code message }
    }
  }
`);

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      user { id phone isPlatformAdmin }
      errors { code message }
    }
  }
`);

export interface SignedIn extends Tokens {
  readonly phone: string;
}

/**
 * Signs in by mobile number and texted code. A real app asks the person for the code; this example reads it
 * from the Development inbox (`GET /development/sms`), which exists only when the service runs in Development.
 */
export async function signIn(url: string, phone: string): Promise<SignedIn> {
  const { client, close } = connect(url);
  try {
    const requested = await client.mutate({ mutation: RequestSignInCode, variables: { input: { phone } } });
    succeeded('requestSignInCode', requested.data?.requestSignInCode);
    const code = await textedCode(url, phone);
    const signedIn = await client.mutate({ mutation: SignIn, variables: { input: { phone, code } } });
    const payload = succeeded('signIn', signedIn.data?.signIn);
    const { accessToken, accessTokenExpiresAt, refreshToken, user } = payload;
    if (!accessToken || !accessTokenExpiresAt || !refreshToken || !user) {
      throw new Error('signIn: no tokens');
    }

    return { accessToken, accessTokenExpiresAt, refreshToken, phone: user.phone };
  } finally {
    await close();
  }
}

async function textedCode(url: string, phone: string): Promise<string> {
  const inbox = new URL('/development/sms', url);
  inbox.searchParams.set('phone', phone);
  const response = await fetch(inbox, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${inbox}: ${response.status} (is the service running in Development?)`);
  }

  const { latestCode } = (await response.json()) as { latestCode: string | null };
  if (!latestCode) {
    throw new Error(`No code was texted to ${phone}`);
  }

  return latestCode;
}
