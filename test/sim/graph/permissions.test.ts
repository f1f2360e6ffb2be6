import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimClock } from '../core/clock.ts';
import { simulatorCertificate } from '../core/tls.ts';
import { TokenRegistry } from '../core/tokens.ts';
import { trustSimulatorCertificate } from '../core/trust.ts';
import { GraphSim } from './index.ts';

describe('Graph simulator: delegated permissions', () => {
  let sim: GraphSim;
  let base: string;
  beforeAll(async () => {
    const tls = await simulatorCertificate();
    trustSimulatorCertificate(tls);
    sim = new GraphSim({ clock: new SimClock(), tokens: new TokenRegistry(new SimClock()), tls });
    sim.addMailbox('ann@contoso.com', { timeZone: 'W. Europe Standard Time' });
    base = `${await sim.listen()}/v1.0`;
  });
  afterAll(() => sim.close());

  const call = (path: string, scopes: string[], method = 'GET', body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${sim.issueToken('ann@contoso.com', 60_000, scopes)}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('answers 403 ErrorAccessDenied when the token lacks the permission', async () => {
    const response = await call('/me/mailboxSettings', ['Calendars.ReadWrite', 'User.Read']);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
    expect((await call('/me/mailboxSettings', ['MailboxSettings.Read'])).status).toBe(200);
  });

  it('lets Calendars.Read read but not write; Calendars.ReadWrite does both', async () => {
    expect((await call('/me/calendars', ['Calendars.Read'])).status).toBe(200);
    const event = { subject: 'x', start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' } };
    expect((await call('/me/events', ['Calendars.Read'], 'POST', event)).status).toBe(403);
    expect((await call('/me/events', ['https://graph.microsoft.com/Calendars.ReadWrite'], 'POST', event)).status).toBe(201);
    expect((await call('/me', ['Calendars.ReadWrite'])).status).toBe(403);
    expect((await call('/me', ['User.Read'])).status).toBe(200);
    expect(sim.server.internalErrors).toEqual([]);
  });
});
