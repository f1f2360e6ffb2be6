import { describe, expect, it } from 'vitest';
import { createRouter, type UiHandlers } from '../../../src/background/router.ts';
import { PROTOCOL_VERSION, type StatusSnapshot, type UiRequestType } from '../../../src/shared/messaging/protocol.ts';

const ID = 'nlbikdfbadfllbfnnjfbffaihjhkbomc';
const status: StatusSnapshot = {
  version: '1.0.0',
  simulatorBuild: false,
  redirectUri: `https://${ID}.chromiumapp.org/`,
  endpoints: { googleApi: 'g', graphApi: 'm' },
};

const TYPES: readonly UiRequestType[] = ['status/get', 'settings/get', 'settings/set', 'accounts/get', 'accounts/signIn', 'accounts/signOut', 'calendars/list', 'pairs/list', 'pairs/save', 'pairs/remove', 'pairs/resolvePause', 'sync/now', 'sync/cancel', 'sync/state', 'activity/get', 'activity/undo', 'settings/export', 'settings/import', 'diagnostics/get'];
const unexpected = Object.fromEntries(TYPES.map((type) => [type, () => Promise.reject(new Error(`unexpected ${type}`))])) as unknown as UiHandlers;

function makeRouter(handlers: Partial<UiHandlers> = {}) {
  const rejected: string[] = [];
  const router = createRouter({
    extensionId: ID,
    uiPages: ['/src/popup/index.html', '/src/options/index.html'],
    handlers: { ...unexpected, 'status/get': () => Promise.resolve(status), ...handlers },
    onRejected: (reason) => rejected.push(reason),
  });
  return { router, rejected };
}

const popup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };
const request = { v: PROTOCOL_VERSION, type: 'status/get' };

describe('background message router', () => {
  it('answers a well-formed request from our popup', async () => {
    const { router } = makeRouter();
    await expect(router(request, popup)).resolves.toEqual({ ok: true, value: status });
  });

  it.each([
    ['a web page', { id: undefined, url: 'https://evil.example/' }],
    ['a content script of ours on a calendar page', { id: ID, url: 'https://calendar.google.com/calendar/r' }],
    ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/src/popup/index.html' }],
    ['an unlisted page of ours', { id: ID, url: `chrome-extension://${ID}/src/other.html` }],
    ['a sender without url', { id: ID }],
  ])('gives no answer to %s', (_name, sender) => {
    const { router, rejected } = makeRouter();
    expect(router(request, sender)).toBeUndefined();
    expect(rejected).toEqual(['sender is not an extension page']);
  });

  it.each([
    ['unknown type', { v: PROTOCOL_VERSION, type: 'tokens/get' }],
    ['wrong protocol version', { v: 999, type: 'status/get' }],
    ['extra keys', { v: PROTOCOL_VERSION, type: 'status/get', calendarId: 'x' }],
    ['not an object', 'status/get'],
    ['null', null],
    ['an array', [request]],
  ])('drops a message with %s', (_name, message) => {
    const { router, rejected } = makeRouter();
    expect(router(message, popup)).toBeUndefined();
    expect(rejected).toEqual(['unknown message shape']);
  });

  it('turns a handler failure into an error envelope instead of a rejected promise', async () => {
    const { router } = makeRouter({ 'status/get': () => Promise.reject(new Error('storage unavailable')) });
    await expect(router(request, popup)).resolves.toEqual({ ok: false, error: 'storage unavailable' });
  });
});
