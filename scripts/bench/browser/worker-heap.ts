/**
 * The JS heap of the extension's service worker, through the DevTools protocol: a page's CDP
 * session attaches to the worker target (non-flattened, so messages go through
 * Target.sendMessageToTarget) and asks Runtime.getHeapUsage; HeapProfiler.collectGarbage gives
 * the live heap. Sampling runs back to back (one question in flight) every few milliseconds.
 * (Performance.getMetrics does not exist in a worker target.)
 */
import type { CDPSession } from 'playwright-core';
import type { ExtensionSession } from '../../../test/e2e/harness/extension.ts';

export interface HeapUsage {
  /** V8 heap in use (bytes). */
  readonly usedSize: number;
  /** V8 heap reserved. */
  readonly totalSize: number;
}

export interface HeapWatch {
  /** Largest used heap seen since start, and how many samples were taken. */
  stop(): Promise<{ peakBytes: number; samples: number }>;
}

export interface WorkerHeap {
  usage(): Promise<HeapUsage>;
  /** Used heap right after a full garbage collection. */
  live(): Promise<number>;
  watch(intervalMs?: number): HeapWatch;
  detach(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export async function attachWorkerHeap(session: ExtensionSession): Promise<WorkerHeap> {
  const page = await session.context.newPage();
  const cdp: CDPSession = await session.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
  if (!target) throw new Error('the extension service worker is not running');
  // Not flattened: Playwright's CDP session cannot address a child session; Chromium still serves this form.
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, Pending>();
  cdp.on('Target.receivedMessageFromTarget' as never, (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error) waiting.reject(new Error(`service worker CDP: ${message.error.message}`));
    else waiting.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}): Promise<T> => {
    const id = ++nextId;
    const answer = new Promise<T>((resolve, reject) => pending.set(id, { resolve: (value) => resolve(value as T), reject }));
    void cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method, params }) } as never).catch((error: Error) => {
      pending.get(id)?.reject(error);
      pending.delete(id);
    });
    return answer;
  };
  const usage = (): Promise<HeapUsage> => send<HeapUsage>('Runtime.getHeapUsage');

  return {
    usage,
    async live() {
      await send('HeapProfiler.collectGarbage');
      return (await usage()).usedSize;
    },
    watch(intervalMs = 10) {
      let peak = 0;
      let samples = 0;
      let running = true;
      const loop = (async () => {
        while (running) {
          try {
            peak = Math.max(peak, (await usage()).usedSize);
            samples++;
          } catch {
            // The worker went away (stopped by Chrome): what was seen stands.
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
        }
      })();
      return {
        async stop() {
          running = false;
          await loop;
          return { peakBytes: peak, samples };
        },
      };
    },
    async detach() {
      for (const waiting of pending.values()) waiting.reject(new Error('detached'));
      pending.clear();
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}
