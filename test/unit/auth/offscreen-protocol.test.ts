import { describe, expect, it } from 'vitest';
import { isOffscreenReply, isOffscreenRequest, OFFSCREEN_TARGET } from '../../../src/background/offscreen/protocol.ts';
import { isTrustedSender } from '../../../src/background/offscreen/sender.ts';
import { reasonOf } from '../../../src/background/platform/identity.ts';

const ID = 'nlbikdfbadfllbfnnjfbffaihjhkbomc';
const setup = { clientId: 'c', authority: 'https://login.example/common', redirectUri: `https://${ID}.chromiumapp.org/`, knownAuthorities: [] };
const silent = { target: OFFSCREEN_TARGET, v: 1, kind: 'silent', setup, homeAccountId: 'h', forceRefresh: false };

describe('worker \u2194 offscreen messages', () => {
  it('accepts each documented request', () => {
    expect(isOffscreenRequest(silent)).toBe(true);
    expect(isOffscreenRequest({ ...silent, kind: 'authorize-url', prompt: 'none', loginHint: 'a@b', homeAccountId: null, forceRefresh: undefined })).toBe(false);
    const { homeAccountId: _h, forceRefresh: _f, ...bare } = silent;
    expect(isOffscreenRequest({ ...bare, kind: 'authorize-url', prompt: null, loginHint: null, homeAccountId: null })).toBe(true);
    expect(isOffscreenRequest({ ...bare, kind: 'redeem', response: '#code=x&state=y' })).toBe(true);
    expect(isOffscreenRequest({ ...bare, kind: 'abandon' })).toBe(true);
    expect(isOffscreenRequest({ ...bare, kind: 'forget', homeAccountId: 'h' })).toBe(true);
  });

  it.each([
    ['another target', { ...silent, target: 'x' }],
    ['another version', { ...silent, v: 2 }],
    ['an unknown kind', { ...silent, kind: 'steal' }],
    ['an extra key', { ...silent, extra: 1 }],
    ['a missing key', { ...silent, forceRefresh: undefined }],
    ['an http authority', { ...silent, setup: { ...setup, authority: 'http://login.example/common' } }],
    ['a setup with extra keys', { ...silent, setup: { ...setup, cache: 'localStorage' } }],
    ['a wrong prompt', { ...silent, kind: 'authorize-url', prompt: 'login', loginHint: null, homeAccountId: null }],
  ])('rejects %s', (_what, message) => {
    expect(isOffscreenRequest(JSON.parse(JSON.stringify(message)))).toBe(false);
  });

  it('checks replies', () => {
    expect(isOffscreenReply({ ok: true, kind: 'url', url: 'https://login.example/common/oauth2/v2.0/authorize?x=1' })).toBe(true);
    expect(isOffscreenReply({ ok: true, kind: 'grant', grant: { accessToken: 't', expiresOn: 1, homeAccountId: 'h', username: 'a@b' } })).toBe(true);
    expect(isOffscreenReply({ ok: false, kind: 'network', errorCode: 'x', errorNo: '', message: 'm' })).toBe(true);
    expect(isOffscreenReply({ ok: true, kind: 'grant', grant: { accessToken: 't' } })).toBe(false);
    expect(isOffscreenReply({ ok: false, kind: 'weird', errorCode: 'x', errorNo: '', message: 'm' })).toBe(false);
    expect(isOffscreenReply(undefined)).toBe(false);
  });

  it('answers our worker and pages only, never a content script', () => {
    expect(isTrustedSender({ id: ID, url: `chrome-extension://${ID}/service-worker-loader.js` }, ID)).toBe(true);
    expect(isTrustedSender({ id: ID, url: `chrome-extension://${ID}/src/options/index.html` }, ID)).toBe(true);
    expect(isTrustedSender({ id: ID, url: 'https://outlook.office.com/calendar', tab: { id: 3 } }, ID)).toBe(false);
    expect(isTrustedSender({ id: ID, url: `chrome-extension://${ID}/x.html`, tab: { id: 3 } }, ID)).toBe(false);
    expect(isTrustedSender({ id: 'another', url: 'chrome-extension://another/x.js' }, ID)).toBe(false);
    expect(isTrustedSender({ id: ID }, ID)).toBe(false);
  });
});

describe('web-auth flow failures, as Chrome words them', () => {
  it.each([
    ['The user did not approve access.', 'cancelled'],
    ['User interaction required. Try setting `abortOnLoadForNonInteractive` and ...', 'interaction-required'],
    ['User interaction required.', 'interaction-required'],
    ['Authorization page could not be loaded.', 'unreachable'],
    ['Authorization page load timed out.', 'unreachable'],
    ['Did not redirect to the right URL.', 'failed'],
  ])('%s → %s', (message, reason) => {
    expect(reasonOf(message)).toBe(reason);
  });
});
