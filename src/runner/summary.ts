/** A readable account of a run for people (the `--json` output is for programs). */
import type { RunResult } from './run-once.ts';

export function formatSummary(result: RunResult): string {
  const lines: string[] = [];
  for (const pair of result.pairs) {
    lines.push(`Google "${pair.google}" ⇄ Outlook "${shorten(pair.outlook)}"`);
    lines.push(`  created  Google ${pair.created.google}, Outlook ${pair.created.outlook}`);
    lines.push(`  updated  Google ${pair.updated.google}, Outlook ${pair.updated.outlook}`);
    lines.push(`  deleted  Google ${pair.deleted.google}, Outlook ${pair.deleted.outlook}`);
    if (pair.conflicts > 0) lines.push(`  conflicts resolved: ${pair.conflicts}`);
    if (pair.paused) lines.push(`  PAUSED: ${pair.paused}`);
    for (const error of pair.errors) lines.push(`  error: ${error}`);
  }
  lines.push(`Requests: Google ${result.requests.google}, Microsoft Graph ${result.requests.graph}. ${result.ok ? 'All pairs synced.' : 'Some pairs need attention.'}`);
  return `${lines.join('\n')}\n`;
}

function shorten(id: string): string {
  return id.length > 24 ? `${id.slice(0, 12)}…${id.slice(-8)}` : id;
}
