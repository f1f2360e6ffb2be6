import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run demo -- --headless', () => {
  it('builds, starts the simulators, syncs the demo pair, opens every page and writes screenshots and a summary', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/demo.ts', '--headless'], { encoding: 'utf8', timeout: 100_000 });
    expect(run.status, run.stderr).toBe(0);
    const folder = /written to (\S+)/.exec(run.stdout)?.[1];
    expect(folder, run.stdout).toBeDefined();
    for (const shot of ['popup', 'options', 'google', 'outlook']) {
      expect(existsSync(path.join(folder!, `${shot}.png`)), shot).toBe(true);
    }
    const summary = readFileSync(path.join(folder!, 'summary.txt'), 'utf8');
    expect(summary).toContain('Running club (exception) [cancelled]');
    expect(summary).toContain('Team stand-up (series)');
    // The two-way sync ran: Outlook's meetings are in Google and Google's events in Outlook.
    expect(summary).toContain('created  Google 6, Outlook 6');
    expect(summary).toMatch(/Outlook calendar: 12 stored events[\s\S]*- Running club \(series\)/);
    expect(summary).toContain('Invitations sent: Google 0, Outlook 0');
    expect(summary).toContain('Console errors in the extension: 0');
  });
});
