/**
 * `npm run soak -- --seed N --minutes M` (or `--cases N`): random whole-sync cases against the
 * simulators with heavy faults, checked by the property test's invariants (test/property). Writes
 * artifacts/soak-<seed>.json, prints what ran and every violation by kind, and exits 1 if there was
 * any, with the failing case, its shrunk form and how to replay it (`--seed N --case K`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { soak, VIOLATION_KINDS, type SoakReport } from '../test/property/soak.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    minutes: { type: 'string' },
    cases: { type: 'string' },
    case: { type: 'string' },
    'no-shrink': { type: 'boolean', default: false },
  },
});

const LABELS: Record<string, string> = {
  duplicate: 'duplicates',
  lost: 'lost events',
  'orphan-mirror': 'mirrors without source',
  invitation: 'invitations sent',
  'resync-writes': 'writes on a converged resync',
};

async function main(): Promise<number> {
  const seed = values.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(values.seed);
  const cases = values.cases === undefined ? undefined : Number(values.cases);
  const minutes = values.minutes === undefined ? (cases === undefined ? 10 : undefined) : Number(values.minutes);
  const only = values.case === undefined ? undefined : Number(values.case);
  if (![seed, cases ?? 0, minutes ?? 0, only ?? 0].every(Number.isFinite)) throw new Error('--seed, --minutes, --cases and --case take numbers.');
  const limits = only !== undefined ? `case ${only} only` : [cases !== undefined ? `${cases} cases` : '', minutes !== undefined ? `${minutes} min` : ''].filter(Boolean).join(', at most ');
  process.stdout.write(`soak: seed ${seed}, ${limits}\n`);
  let last = Date.now();
  const report = await soak({
    seed,
    ...(minutes !== undefined ? { minutes } : {}),
    ...(cases !== undefined ? { cases } : {}),
    ...(only !== undefined ? { only } : {}),
    shrink: !values['no-shrink'],
    onCase: (index, violations) => {
      if (violations.length > 0) process.stdout.write(`  case ${index}: ${violations.length} violation(s): ${violations.map((v) => v.kind).join(', ')}\n`);
      else if (Date.now() - last > 15_000) process.stdout.write(`  ${index + 1} cases…\n`);
      if (violations.length > 0 || Date.now() - last > 15_000) last = Date.now();
    },
  });
  await mkdir('artifacts', { recursive: true });
  const file = `artifacts/soak-${seed}.json`;
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(summary(report, file));
  return report.failures.length > 0 ? 1 : 0;
}

function summary(report: SoakReport, file: string): string {
  const lines = [
    '',
    `cases run: ${report.cases} in ${(report.durationMs / 60_000).toFixed(1)} min`,
    `actions: ${report.actions} (syncs: ${report.syncs}, of which the deletion guard paused ${report.pauses}; user changes the apps refused: ${report.refused})`,
    `faults injected: ${Object.entries(report.faults).map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none'}`,
    'invariant violations:',
    ...VIOLATION_KINDS.map((kind) => `  ${LABELS[kind] ?? kind}: ${report.violations[kind]}`),
    `report: ${file}`,
  ];
  for (const failure of report.failures.slice(0, 3)) {
    lines.push('', `FAILED case ${failure.caseIndex} (replay: npm run soak -- --seed ${failure.seed} --case ${failure.caseIndex})`, failure.description);
    lines.push(...failure.violations.map((v) => `  ${v.kind}: ${v.detail}`));
    if (failure.shrunk) lines.push('shrunk to:', failure.shrunk);
  }
  return `${lines.join('\n')}\n`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
