/**
 * Drives the background from an extension page exactly as the popup and the options page do:
 * typed UI messages through chrome.runtime.sendMessage, answered with an envelope.
 */
import type { Page } from 'playwright-core';
import type { Reply, UiRequestType, UiToBackground } from '../../../src/shared/messaging/protocol.ts';
import { PROTOCOL_VERSION } from '../../../src/shared/messaging/protocol.ts';

type Payload<T extends UiRequestType> = Omit<Extract<UiToBackground, { type: T }>, 'v' | 'type'>;

export async function ask<T extends UiRequestType>(page: Page, type: T, payload?: Payload<T>): Promise<Reply<T>> {
  const message = { v: PROTOCOL_VERSION, type, ...payload };
  type Answer = { ok: boolean; value?: unknown; error?: string } | undefined;
  const envelope = await page.evaluate(async (m) => chrome.runtime.sendMessage<typeof m, Answer>(m), message);
  if (!envelope) throw new Error(`${type}: the background gave no answer`);
  if (!envelope.ok) throw new Error(`${type}: ${envelope.error ?? 'failed'}`);
  return envelope.value as Reply<T>;
}

/** Polls sync/state until no run is going and `done` holds for the state. */
export async function waitForSync(page: Page, done: (state: Reply<'sync/state'>) => boolean = () => true, timeoutMs = 60_000): Promise<Reply<'sync/state'>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await ask(page, 'sync/state');
    if (!state.running && done(state)) return state;
    if (Date.now() > deadline) throw new Error(`sync did not finish in time: ${JSON.stringify(state)}`);
    await page.waitForTimeout(200);
  }
}
