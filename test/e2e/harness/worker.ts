/** Kills the extension's service worker the way Chrome does when it stops an idle or stuck worker. */
import type { ExtensionSession } from './extension.ts';

export async function stopServiceWorker(session: ExtensionSession): Promise<void> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
    if (!worker) throw new Error('the extension service worker is not running');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await cdp.detach();
  } finally {
    await page.close();
  }
}
