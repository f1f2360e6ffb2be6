// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startController, type Controller } from '../../../src/content/controller.ts';
import { googleSurface } from '../../../src/content/google/surface.ts';
import { outlookSurface } from '../../../src/content/outlook/surface.ts';
import { FakeBackground, Frames, loadFixture, ManualTimers, settle, view, type FixtureDriver } from './dom.ts';

let roots: ShadowRoot[];
const attachShadow = HTMLElement.prototype.attachShadow;

beforeEach(() => {
  roots = [];
  // Closed roots are unreachable from outside: record them to look inside in tests.
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  });
});

afterEach(() => vi.restoreAllMocks());

interface Rig {
  driver: FixtureDriver;
  background: FakeBackground;
  frames: Frames;
  timers: ManualTimers;
  controller: Controller;
  opened: string[];
  /** Runs frames and lets replies arrive until quiet. */
  pump(): Promise<void>;
}

async function rig(fixture: string, views: Record<string, ReturnType<typeof view>>, app: 'google' | 'outlook' = 'google', alive: () => boolean = () => true): Promise<Rig> {
  const driver = loadFixture(fixture);
  const background = new FakeBackground();
  for (const [key, value] of Object.entries(views)) background.views.set(key, value);
  const frames = new Frames();
  const timers = new ManualTimers();
  const opened: string[] = [];
  const surface = app === 'google' ? googleSurface(document, () => location.pathname) : outlookSurface(document, () => location.pathname, () => 'Europe/London');
  const controller = startController({ doc: document, surface, transport: background, frame: frames.frame, timers, localZone: 'Europe/London', open: (url) => opened.push(url), alive });
  const pump = async (): Promise<void> => {
    for (let i = 0; i < 6; i++) {
      await settle();
      frames.run();
      timers.advance(300);
    }
    await settle();
  };
  await pump();
  return { driver, background, frames, timers, controller, opened, pump };
}

const badges = (): Element[] => [...document.querySelectorAll('[data-tandem-badge]')];
const stateOf = (chipId: string): string | null => {
  const chip = [...document.querySelectorAll('[data-eventchip]')].find((el) => (el.getAttribute('jslog') ?? '').includes(`"${chipId}"`) || el.getAttribute('data-eventid') === chipId);
  return chip?.querySelector(':scope [data-tandem-badge]')?.getAttribute('data-tandem-badge') ?? null;
};

const WEEK_VIEWS = {
  'id|evt01standup': view('synced'),
  'id|evt02dentist': view('synced', { role: 'mirror', counterpart: { app: 'outlook', calendar: '', url: null } }),
  'id|evt03review': view('pending'),
  'id|evt04lunch': view('conflict', { detail: 'Both calendars changed the title.' }),
  'id|evt05flight': view('excluded', { role: null, detail: 'The pair skips private events.' }),
  'id|evt06gym': view('error', { detail: 'Sync is stopped: sign in again in Tandem.' }),
};

describe('badges on Google Calendar', () => {
  it('shows each state the background reports, on the chip, and nothing where it knows nothing', async () => {
    const { background, controller } = await rig('gcal-week-timed', WEEK_VIEWS);
    expect(background.lookups).toHaveLength(1);
    expect(background.queried).toHaveLength(9);
    expect(stateOf('evt01standup')).toBe('synced');
    expect(stateOf('evt02dentist')).toBe('synced');
    expect(stateOf('evt03review')).toBe('pending');
    expect(stateOf('evt04lunch')).toBe('conflict');
    expect(stateOf('evt05flight')).toBe('excluded');
    expect(stateOf('evt06gym')).toBe('error');
    expect(stateOf('evt07planning')).toBeNull();
    expect(badges()).toHaveLength(6);
    expect(controller.decorator.created).toBe(6);
    controller.stop();
  });

  it('draws into a closed shadow root with text only, and opens the counterpart on click', async () => {
    const { controller, opened } = await rig('gcal-week-timed', WEEK_VIEWS);
    const host = badges()[0]! as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    const root = roots[0]!;
    const mark = root.querySelector('span')!;
    expect(mark.textContent).toBe('⇄');
    expect(mark.getAttribute('aria-label')).toBe('Tandem: synced to Outlook');
    // The tooltip is written on first hover.
    expect(mark.hasAttribute('title')).toBe(false);
    host.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    expect(mark.getAttribute('title')).toContain('Scheduled for 9:00 AM Europe/Berlin · 8:00 AM your time');
    expect(root.querySelectorAll('*')).toHaveLength(1);
    let chipClicked = false;
    host.parentElement!.addEventListener('click', () => (chipClicked = true));
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(opened).toEqual(['https://outlook.office.com/calendar/item/AAk']);
    expect(chipClicked).toBe(false);
    controller.stop();
  });

  it('is idempotent: flushing again or rewriting styles touches nothing', async () => {
    const { driver, controller, pump } = await rig('gcal-week-timed', WEEK_VIEWS);
    const before = badges();
    driver.rewriteStyles();
    await pump();
    expect(badges()).toEqual(before);
    expect(controller.decorator.created).toBe(6);
    controller.stop();
  });

  it('takes one frame per batch of page changes, and none for its own', async () => {
    const { driver, frames, controller } = await rig('gcal-week-timed', WEEK_VIEWS);
    expect(frames.pending).toBe(0);
    driver.rerender();
    await settle();
    expect(frames.pending).toBe(1);
    frames.run();
    await settle();
    expect(frames.pending).toBe(0);
    controller.stop();
  });

  it('survives re-renders: chips replaced, copies of badges, badges stripped, ids changed — without asking again', async () => {
    const { driver, background, controller, pump } = await rig('gcal-week-timed', WEEK_VIEWS);
    driver.rerender();
    await pump();
    expect(badges()).toHaveLength(6);
    driver.cloneRerender();
    await pump();
    expect(badges()).toHaveLength(6);
    for (const chip of document.querySelectorAll('[data-eventchip]')) expect(chip.querySelectorAll(':scope > [data-tandem-badge]').length).toBeLessThanOrEqual(1);
    driver.stripBadges();
    await pump();
    expect(badges()).toHaveLength(6);
    expect(background.lookups).toHaveLength(1);
    driver.changeId('evt01standup', btoa('evt07planning me@m').replace(/=+$/, ''));
    await pump();
    expect(badges()).toHaveLength(5);
    controller.stop();
  });

  it('asks again when the background says states changed, and shows the new state', async () => {
    const { background, controller, pump } = await rig('gcal-week-timed', WEEK_VIEWS);
    background.views.set('id|evt07planning', view('synced'));
    background.views.set('id|evt03review', view('synced'));
    background.changed();
    await pump();
    expect(stateOf('evt07planning')).toBe('synced');
    expect(stateOf('evt03review')).toBe('synced');
    expect(background.lookups).toHaveLength(2);
    controller.stop();
  });

  it('renders hostile titles as nothing but text: no markup is ever created from page text', async () => {
    const views = Object.fromEntries(['host01img', 'host02script', 'host03long', 'host04rtl', 'host05emoji', '__proto__', 'constructor', 'host08quote'].map((id) => [`id|${id}`, view('synced')]));
    const count = (): number => document.querySelectorAll('img, script, svg').length;
    loadFixture('gcal-hostile');
    const markupBefore = count();
    const { controller } = await rig('gcal-hostile', views);
    expect(badges()).toHaveLength(8);
    expect(count()).toBe(markupBefore);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    for (const root of roots) for (const el of root.querySelectorAll('*')) expect(el.tagName).toBe('SPAN');
    controller.stop();
  });

  it('batches lookups: at most 200 ids a message, one message in flight', async () => {
    const { driver, background, controller, pump } = await rig('gcal-week-timed', WEEK_VIEWS);
    background.hold = true;
    driver.bulk(500);
    await pump();
    expect(background.lookups).toHaveLength(2);
    for (let i = 0; i < 5; i++) {
      background.release();
      await pump();
    }
    expect(background.lookups.slice(1).map((batch) => batch.length)).toEqual([200, 200, 100]);
    controller.stop();
  });

  it('goes quiet by itself once the extension is gone (reloaded or removed)', async () => {
    let alive = true;
    const { driver, background, pump } = await rig('gcal-week-timed', WEEK_VIEWS, 'google', () => alive);
    expect(badges()).toHaveLength(6);
    alive = false;
    driver.bulk(10);
    await pump();
    expect(badges()).toHaveLength(0);
    driver.rerender();
    await pump();
    expect(badges()).toHaveLength(0);
    expect(background.lookups).toHaveLength(1);
  });

  it('stops cleanly: badges removed, page changes ignored', async () => {
    const { driver, background, controller, pump } = await rig('gcal-week-timed', WEEK_VIEWS);
    controller.stop();
    expect(badges()).toHaveLength(0);
    driver.bulk(10);
    await pump();
    expect(background.lookups).toHaveLength(1);
  });
});

describe('sync-on-view: nudges', () => {
  async function settled(fixture = 'gcal-week-timed'): Promise<Rig> {
    const r = await rig(fixture, WEEK_VIEWS);
    r.timers.advance(3_000); // past the learning time of the first view
    await r.pump();
    return r;
  }

  it('decorating never nudges', async () => {
    const { background, controller } = await settled();
    expect(background.nudges).toEqual([]);
    controller.stop();
  });

  it('an edit, a new event and a deletion each nudge, naming the calendar and ids', async () => {
    const { driver, background, timers, controller, pump } = await settled();
    driver.editTitle('evt02dentist', 'Dentist (moved)');
    await pump();
    expect(background.nudges).toEqual([{ reason: 'chips', calendars: ['me@gmail.com'], ids: ['evt02dentist'] }]);
    timers.advance(2_000);
    driver.addChip('newevt01', 'Brand new');
    await pump();
    driver.remove('evt06gym');
    timers.advance(2_000);
    await pump();
    expect(background.nudges.slice(1).map((n) => n.ids)).toEqual([['newevt01'], ['evt06gym']]);
    controller.stop();
  });

  it('navigation and re-renders are not edits', async () => {
    const { driver, background, timers, controller, pump } = await settled();
    driver.rerender();
    driver.rewriteStyles();
    driver.stripBadges();
    await pump();
    driver.navigate('/calendar/u/0/r/week/2026/6/22');
    await pump();
    timers.advance(5_000);
    await pump();
    expect(background.nudges).toEqual([]);
    controller.stop();
  });

  it('a flood of edits sends at most one nudge a second, carrying every id', async () => {
    const { driver, background, frames, timers, controller, pump } = await settled();
    // An edit every 800 ms for 20 s: each is seen (the page is quiet for 700 ms in between).
    for (let i = 0; i < 25; i++) {
      driver.editTitle(i % 2 ? 'evt01standup' : 'evt02dentist', `Edit ${i}`);
      await settle();
      frames.run();
      timers.advance(800);
    }
    await pump();
    expect(background.nudges.length).toBeGreaterThanOrEqual(15);
    expect(background.nudges.length).toBeLessThanOrEqual(21);
    expect(new Set(background.nudges.flatMap((n) => n.ids))).toEqual(new Set(['evt01standup', 'evt02dentist']));
    controller.stop();
  });

  it("the app's own save notice nudges at once, with the edit it shows", async () => {
    const { driver, background, frames, controller, pump } = await settled();
    driver.editTitle('evt04lunch', 'Lunch with Ana and Sam');
    driver.announce('Event saved');
    await settle();
    frames.run();
    await settle();
    expect(background.nudges).toEqual([{ reason: 'save', calendars: ['me@gmail.com'], ids: ['evt04lunch'] }]);
    expect(background.ages).toEqual([0]);
    // A notice with nothing changed on screen still nudges, without ids; later checks find nothing new.
    driver.announce('Event deleted');
    await pump();
    expect(background.nudges.slice(1)).toEqual([{ reason: 'save', calendars: [], ids: [] }]);
    controller.stop();
  });

  it('says how long ago the page showed the change', async () => {
    const { driver, background, controller, pump } = await settled();
    driver.editTitle('evt02dentist', 'Dentist (moved)');
    await pump();
    expect(background.ages).toHaveLength(1);
    expect(background.ages[0]).toBeGreaterThanOrEqual(700);
    expect(background.ages[0]).toBeLessThan(2_000);
    controller.stop();
  });
});

describe('badges on Outlook on the web', () => {
  it('badges tiles by id (all-day header included) and by label, on their buttons', async () => {
    const views = {
      'id|AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AallDayPTO01': view('synced', { counterpart: { app: 'google', calendar: 'pat@gmail.com', url: null } }),
      'id|AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AdentistTile03': view('synced'),
      'subject|Planning, Q4|2026-09-29T13:05': view('pending'),
    };
    const { controller, background } = await rig('owa-workweek', views, 'outlook');
    const hosts = badges();
    expect(hosts.map((h) => h.getAttribute('data-tandem-badge'))).toEqual(['synced', 'synced', 'pending']);
    for (const host of hosts) expect(host.parentElement!.getAttribute('role')).toBe('button');
    expect(hosts[0]!.closest('[data-app-section="calendar-view-header-0"]')).not.toBeNull();
    expect(background.queried.find((q) => q.by === 'subject')).toEqual({ by: 'subject', subject: 'Planning, Q4', start: '2026-09-29T13:05', zone: 'Europe/London' });
    controller.stop();
  });

  it('a page of chrome only is never asked about', async () => {
    const { controller, background } = await rig('owa-chrome-only', {}, 'outlook');
    expect(background.lookups).toEqual([]);
    controller.stop();
  });
});
