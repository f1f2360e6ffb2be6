/**
 * Runs code in our content script's isolated world on a page (through the DevTools protocol), to
 * check what a content script can and cannot reach.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './extension.ts';

interface ContextDescription {
  readonly id: number;
  readonly origin: string;
  readonly name: string;
  readonly auxData?: { readonly type?: string };
}

export async function evaluateInContentScript(session: ExtensionSession, page: Page, expression: string): Promise<Record<string, unknown>> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const contexts: ContextDescription[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ContextDescription }) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const origin = `chrome-extension://${session.extensionId}`;
    const deadline = Date.now() + 15_000;
    let world: ContextDescription | undefined;
    while (!(world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === origin))) {
      if (Date.now() > deadline) throw new Error(`no content-script world on ${page.url()} (saw ${JSON.stringify(contexts.map((c) => [c.origin, c.auxData?.type]))})`);
      await page.waitForTimeout(100);
    }
    const answer = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string };
    };
    if (answer.exceptionDetails) throw new Error(`content-script code threw: ${answer.exceptionDetails.text}`);
    return answer.result.value as Record<string, unknown>;
  } finally {
    await cdp.detach();
  }
}
