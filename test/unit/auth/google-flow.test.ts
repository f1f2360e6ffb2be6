import { describe, expect, it } from 'vitest';
import { GOOGLE_CALENDAR_SCOPE, googleAuthorizeUrl, googleErrorMessage, parseGoogleResponse } from '../../../src/background/auth/google-flow.ts';
import { GOOGLE_AUTH, REDIRECT } from './fakes.ts';

const base = { authorizeUrl: GOOGLE_AUTH, clientId: 'client-1', redirectUri: REDIRECT, state: 's-123' } as const;

describe('Google implicit flow: the authorize URL', () => {
  it('asks for a token for the calendar scope, with our client, redirect URI and state', () => {
    const url = new URL(googleAuthorizeUrl({ ...base, loginHint: null, prompt: 'select_account' }));
    expect(`${url.origin}${url.pathname}`).toBe(GOOGLE_AUTH);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      redirect_uri: REDIRECT,
      response_type: 'token',
      scope: GOOGLE_CALENDAR_SCOPE,
      state: 's-123',
      prompt: 'select_account',
    });
  });

  it('carries the known address as login_hint and prompt=none for silent renewal', () => {
    const url = new URL(googleAuthorizeUrl({ ...base, loginHint: 'ann@example.com', prompt: 'none' }));
    expect(url.searchParams.get('login_hint')).toBe('ann@example.com');
    expect(url.searchParams.get('prompt')).toBe('none');
  });

  it('leaves prompt out when none is wanted', () => {
    const url = new URL(googleAuthorizeUrl({ ...base, loginHint: 'ann@example.com', prompt: null }));
    expect(url.searchParams.has('prompt')).toBe(false);
  });
});

describe('Google implicit flow: reading the redirect', () => {
  const answer = (params: Record<string, string>, where: '#' | '?' = '#') => `${REDIRECT}${where}${new URLSearchParams(params).toString()}`;

  it('reads the access token, its lifetime and the granted scopes', () => {
    const url = answer({ access_token: 'ya29.tok', token_type: 'Bearer', expires_in: '3599', scope: `${GOOGLE_CALENDAR_SCOPE} email`, state: 's-123' });
    expect(parseGoogleResponse(url, REDIRECT, 's-123')).toEqual({ ok: true, accessToken: 'ya29.tok', expiresInSeconds: 3599, scopes: [GOOGLE_CALENDAR_SCOPE, 'email'] });
  });

  it('refuses an answer whose state is not ours, even one carrying a token', () => {
    const url = answer({ access_token: 'ya29.forged', expires_in: '3599', state: 'someone-else' });
    expect(parseGoogleResponse(url, REDIRECT, 's-123')).toMatchObject({ ok: false, error: 'state_mismatch' });
    expect(parseGoogleResponse(answer({ access_token: 'ya29.forged', expires_in: '3599' }), REDIRECT, 's-123')).toMatchObject({ ok: false, error: 'state_mismatch' });
  });

  it('refuses a redirect to anywhere but our redirect URI', () => {
    expect(parseGoogleResponse('https://evil.example/#access_token=x&state=s-123&expires_in=1', REDIRECT, 's-123')).toMatchObject({ ok: false, error: 'wrong_redirect' });
  });

  it.each(['access_denied', 'interaction_required', 'consent_required'])('turns error=%s into an error, in the fragment or the query', (error) => {
    expect(parseGoogleResponse(answer({ error, state: 's-123' }), REDIRECT, 's-123')).toMatchObject({ ok: false, error });
    expect(parseGoogleResponse(answer({ error, state: 's-123' }, '?'), REDIRECT, 's-123')).toMatchObject({ ok: false, error });
    expect(googleErrorMessage(error)).toMatch(/Google/);
  });

  it('calls an answer without a token or lifetime malformed', () => {
    expect(parseGoogleResponse(answer({ state: 's-123', access_token: 'x' }), REDIRECT, 's-123')).toMatchObject({ ok: false, error: 'malformed_response' });
    expect(parseGoogleResponse(answer({ state: 's-123', expires_in: '3599' }), REDIRECT, 's-123')).toMatchObject({ ok: false, error: 'malformed_response' });
  });
});
