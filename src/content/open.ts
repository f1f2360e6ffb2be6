/** Where a badge's click may go: the counterpart event in one of the calendar web apps, nowhere else. */
import { appForHost, isLoopbackHost } from '../shared/calendar-hosts.ts';

export function isOpenableUrl(url: string, simulator: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && appForHost(parsed.hostname) !== null && parsed.port === '') return true;
  return simulator && isLoopbackHost(parsed.hostname) && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}
