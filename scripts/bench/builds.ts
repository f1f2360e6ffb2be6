/**
 * The builds the bench measures (dist/ for bundle sizes, dist-sim/ for the browser part), made
 * here when missing or older than the sources, so `npm run bench` works on a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether the build in `dir` is missing or older than anything it is built from. */
export function buildIsStale(dir: string): boolean {
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const sourcesAt = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'public')), ...['manifest.config.ts', 'vite.config.ts', 'endpoints.config.ts'].map((f) => statSync(path.join(ROOT, f)).mtimeMs));
  return statSync(manifest).mtimeMs < sourcesAt;
}

/** Runs `npm run <script>` when the build is stale; says so, and what failed, through `log`. */
export function buildIfStale(dir: string, script: string, log: (line: string) => void): void {
  if (!buildIsStale(dir)) return;
  log(`Bench: ${existsSync(path.join(dir, 'manifest.json')) ? `${path.relative(ROOT, dir)} is older than the sources` : `no ${path.relative(ROOT, dir)}`}; running "npm run ${script}".`);
  const built = spawnSync('npm', ['run', script], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) log(`Bench: "npm run ${script}" failed:\n${`${built.stdout}${built.stderr}`.trim().split('\n').slice(-8).join('\n')}`);
}
