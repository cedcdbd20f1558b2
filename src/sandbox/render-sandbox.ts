// The render sandbox: Handlebars templates from a PR are rendered in a child process that can
// reach no secret. Why a process and not an in-process engine: see src/prompts/render-prompt.ts.
//
// The child starts with an empty environment (no API key, no GITHUB_TOKEN, no NODE_OPTIONS) and
// under Node's permission model with one grant: reading its own bundled script. File reads
// elsewhere (/proc/self/environ, the checkout), file writes, child processes, workers and
// native addons are refused by Node itself. It gets its jobs on stdin, answers on stdout and
// exits; a child that runs past the time limit is killed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { bundledFile } from '../bundled-file.js';
import type { DotpromptJob, DotpromptResult } from './protocol.js';

export type { DotpromptJob, DotpromptResult } from './protocol.js';

/** Renders untrusted templates out of reach of secrets; replaceable by a fake in tests. */
export interface RenderSandbox {
  /** Every job in one go (one process start): per job, per case, the messages or an error. */
  renderDotprompt(jobs: DotpromptJob[]): Promise<DotpromptResult[][]>;
}

export class SandboxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxError';
  }
}

export interface SandboxOptions {
  /** The bundled child program; defaults to dist/render-sandbox.mjs beside the running code. */
  script?: string;
  timeoutMs?: number;
  /** Node binary; the running one by default. */
  execPath?: string;
}

/** Node 22.13+ / 23.5+ call the flag `--permission`; Node 20 still needs the experimental name. */
export function permissionFlag(version = process.versions.node): string {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

const defaultScript = () => bundledFile(import.meta.url, 'render-sandbox.mjs');

export function childProcessSandbox(opts: SandboxOptions = {}): RenderSandbox {
  const script = opts.script ?? defaultScript();
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const execPath = opts.execPath ?? process.execPath;
  return {
    // One process for everything: on a shared 2-core runner, splitting the cases over two
    // processes measured slower (two start-ups, two JIT warm-ups) than one.
    async renderDotprompt(jobs) {
      if (!jobs.length) return [];
      if (!existsSync(script)) throw new SandboxError(`render sandbox ${script} is missing; run \`npm run build\``);
      const out = JSON.parse(await runChild(execPath, script, JSON.stringify(jobs), timeoutMs)) as DotpromptResult[][];
      const ok =
        Array.isArray(out) && out.length === jobs.length && jobs.every((j, i) => out[i]?.length === j.cases.length);
      if (!ok) throw new SandboxError('the render sandbox answered with the wrong number of results');
      return out;
    },
  };
}

// A bounded heap for a template that multiplies its data; a larger young generation because a
// render allocates many short-lived strings (measured: ~10 % less CPU for 10,000 cases).
const V8_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=32'];

function runChild(execPath: string, script: string, input: string, timeoutMs: number): Promise<string> {
  const args = [permissionFlag(), `--allow-fs-read=${script}`, '--no-warnings', ...V8_FLAGS, script];
  return new Promise((resolve, reject) => {
    const child = spawn(execPath, args, { env: {}, stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(new SandboxError(`could not start the render sandbox: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const why =
        signal === 'SIGTERM' ? `took longer than ${timeoutMs / 1000} s` : `failed (${signal ?? `exit ${code}`})`;
      const detail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' ');
      reject(new SandboxError(`rendering in the sandbox ${why}${detail ? `: ${detail}` : ''}`));
    });
    // A child that dies early closes stdin; the close handler reports why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
