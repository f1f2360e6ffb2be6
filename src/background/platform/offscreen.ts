/**
 * The offscreen document that hosts MSAL: created on demand (Chrome may close it, and it is gone
 * after a browser restart), one at a time, and messaged with sendMessage (the reply comes back to
 * this worker only).
 */
import { OFFSCREEN_PATH, type OffscreenRequest } from '../offscreen/protocol.ts';

let creating: Promise<void> | null = null;

async function exists(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}

export async function ensureOffscreenDocument(): Promise<void> {
  if (await exists()) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.LOCAL_STORAGE],
      justification: 'Microsoft sign-in (MSAL) keeps its token cache in Web Storage, which the service worker lacks.',
    })
    .catch(async (error: unknown) => {
      // Another wake of the worker may have created it meanwhile.
      if (!(await exists())) throw error;
    })
    .finally(() => (creating = null));
  await creating;
}

export async function sendToOffscreen(request: OffscreenRequest): Promise<unknown> {
  await ensureOffscreenDocument();
  try {
    return await chrome.runtime.sendMessage(request);
  } catch {
    // The document closed between the check and the message ("Receiving end does not exist").
    await ensureOffscreenDocument();
    return chrome.runtime.sendMessage(request);
  }
}
