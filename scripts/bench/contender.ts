/**
 * The parent's handle on a contender's process (worker.ts): started with tsx and --expose-gc,
 * spoken to over the IPC channel, one request at a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { InitMessage, RunReply } from './worker.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

type Answer = { ok: true; reply?: RunReply } | { ok: false; error: string };

export class ContenderProcess {
  private readonly child: ChildProcess;
  private pending: { resolve: (a: Answer) => void; reject: (e: Error) => void } | null = null;

  /** `profileDir`: write a V8 CPU profile of the contender's process there (--cpu-prof). */
  constructor(profileDir?: string) {
    const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    this.child = fork(WORKER, [], { execArgv: ['--import', 'tsx', '--expose-gc', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: Answer) => {
      const pending = this.pending;
      this.pending = null;
      pending?.resolve(message);
    });
    this.child.on('exit', (code) => {
      const pending = this.pending;
      this.pending = null;
      pending?.reject(new Error(`The contender process exited (code ${String(code)})`));
    });
  }

  async init(message: Omit<InitMessage, 'type'>): Promise<void> {
    await this.ask({ type: 'init', ...message });
  }

  async run(now: number): Promise<RunReply> {
    const answer = await this.ask({ type: 'run', now });
    if (!answer.reply) throw new Error('The contender answered a run without a result');
    return answer.reply;
  }

  /** Ends the process (gracefully, so a CPU profile gets written) and waits for it. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    await exited;
  }

  private ask(message: object): Promise<{ ok: true; reply?: RunReply }> {
    if (this.pending) throw new Error('One request at a time');
    return new Promise((resolve, reject) => {
      this.pending = {
        resolve: (answer) => (answer.ok ? resolve(answer) : reject(new Error(`Contender failed: ${answer.error}`))),
        reject,
      };
      this.child.send(message);
    });
  }
}
