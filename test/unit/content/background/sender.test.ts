import { describe, expect, it } from 'vitest';
import { trustedPage } from '../../../../src/background/badges/sender.ts';

const ID = 'nlbikdfbadfllbfnnjfbffaihjhkbomc';
const from = (url: string, extra: object = {}) => ({ id: ID, url, tab: { id: 7, url }, ...extra });

describe('who may talk to the badge service', () => {
  it.each([
    ['https://calendar.google.com/calendar/u/0/r/week', 'google'],
    ['https://outlook.office.com/calendar/view/workweek', 'outlook'],
    ['https://outlook.office365.com/calendar/view/month', 'outlook'],
    ['https://outlook.live.com/calendar/0/view/month', 'outlook'],
    ['https://outlook.cloud.microsoft/calendar/view/week', 'outlook'],
  ])('our content script on %s', (url, app) => {
    expect(trustedPage(from(url), ID, false)).toMatchObject({ app, tabId: 7, loopback: false });
  });

  it.each([
    ['another extension', { ...from('https://calendar.google.com/'), id: 'abcdefghijklmnopabcdefghijklmnop' }],
    ['no sender id', { url: 'https://calendar.google.com/', tab: { id: 1, url: 'https://calendar.google.com/' } }],
    ['an extension page', from(`chrome-extension://${ID}/src/options/index.html`)],
    ['an extension page without a tab', { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` }],
    ['another site', from('https://evil.example/calendar.google.com')],
    ['a look-alike host', from('https://calendar.google.com.evil.example/')],
    ['plain http', from('http://calendar.google.com/')],
    ['another port', from('https://calendar.google.com:8443/')],
    ['credentials in the URL', from('https://x:y@calendar.google.com/')],
    ['a frame of another site in a calendar tab', { id: ID, url: 'https://ads.example/', tab: { id: 3, url: 'https://calendar.google.com/' } }],
    ['a calendar frame in another tab', { id: ID, url: 'https://calendar.google.com/', tab: { id: 3, url: 'https://evil.example/' } }],
    ['loopback in a production build', from('http://127.0.0.1:27805/_host/calendar.google.com/fixture/gcal-week-timed')],
    ['a negative tab id', { ...from('https://calendar.google.com/'), tab: { id: -1, url: 'https://calendar.google.com/' } }],
  ])('not %s', (_name, sender) => {
    expect(trustedPage(sender, ID, false)).toBeNull();
  });

  it('loopback stand-ins in the simulator build only, for the host they name', () => {
    expect(trustedPage(from('http://127.0.0.1:27805/_host/outlook.cloud.microsoft/live/1'), ID, true)).toMatchObject({ app: 'outlook', host: 'outlook.cloud.microsoft', loopback: true });
    expect(trustedPage(from('http://127.0.0.1:27805/_host/evil.example/x'), ID, true)).toBeNull();
    expect(trustedPage(from('http://127.0.0.1:27805/google/calendar/0'), ID, true)).toBeNull();
  });
});
