// Runs the bundled Action (`node dist/index.js`) the way the runner does: a child process with
// INPUT_* variables (action.yml defaults filled in, names uppercased, spaces → _, hyphens
// kept), the event payload in a file (real @octokit/webhooks-examples payloads adjusted to the
// test repo), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at the
// loopback REST stand-in. Returns the exit code, the output streams, the parsed outputs and
// the job summary.
//
// PROMPTGATE_TEST_GITHUB_FAST=1 makes the Octokit plugins skip GitHub's 1 s / 3 s spacing of
// writes and wait 1 ms per "second" of retry-after (src/github/octokit.ts), so runs stay quick.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readReportFile } from './read-report.js';

const root = join(import.meta.dirname, '..', '..');
/** dist/index.js, or PROMPTGATE_ACTION_ENTRY (e.g. to try another build of the same sources). */
export const ACTION_ENTRY = process.env.PROMPTGATE_ACTION_ENTRY ?? join(root, 'dist', 'index.js');
export const TEST_TOKEN = 'ghs_test-token-0123456789';

const require = createRequire(import.meta.url);
type Example = { name: string; examples: any[] };
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Example[];
const example = (name: string, pick: (e: any) => boolean = () => true): any => {
  const found = examples.find((e) => e.name === name)?.examples.find(pick);
  if (!found) throw new Error(`no ${name} example`);
  return structuredClone(found);
};

export interface RepoCoords {
  owner: string;
  repo: string;
}

function retarget(p: any, r: RepoCoords): void {
  p.repository.name = r.repo;
  p.repository.full_name = `${r.owner}/${r.repo}`;
  p.repository.owner.login = r.owner;
}

export function pullRequestPayload(
  r: RepoCoords & {
    number: number;
    baseSha: string;
    headSha: string;
    baseRef?: string;
    headRef?: string;
    fork?: boolean;
    action?: string;
  },
): any {
  const p = example('pull_request', (e) => e.action === 'opened');
  retarget(p, r);
  p.action = r.action ?? 'opened';
  p.number = r.number;
  const pr = p.pull_request;
  pr.number = r.number;
  pr.base.sha = r.baseSha;
  pr.base.ref = r.baseRef ?? 'main';
  pr.base.repo.full_name = `${r.owner}/${r.repo}`;
  pr.base.repo.name = r.repo;
  pr.head.sha = r.headSha;
  pr.head.ref = r.headRef ?? 'change';
  pr.head.repo.full_name = r.fork ? `mallory/${r.repo}` : `${r.owner}/${r.repo}`;
  pr.head.repo.name = r.repo;
  pr.head.repo.fork = Boolean(r.fork);
  return p;
}

export function issueCommentPayload(
  r: RepoCoords & { number: number; body: string; user: string; commentId: number },
): any {
  const p = example('issue_comment', (e) => e.action === 'created');
  retarget(p, r);
  p.issue.number = r.number;
  // The examples are comments on issues; a PR's issue carries a `pull_request` link.
  p.issue.pull_request = {
    url: `https://api.github.com/repos/${r.owner}/${r.repo}/pulls/${r.number}`,
    html_url: `https://github.com/${r.owner}/${r.repo}/pull/${r.number}`,
    diff_url: `https://github.com/${r.owner}/${r.repo}/pull/${r.number}.diff`,
    patch_url: `https://github.com/${r.owner}/${r.repo}/pull/${r.number}.patch`,
  };
  p.comment.id = r.commentId;
  p.comment.body = r.body;
  p.comment.user.login = r.user;
  return p;
}

export function pushPayload(r: RepoCoords & { ref: string; after: string; before?: string }): any {
  const p = example('push', (e) => e.deleted === false);
  retarget(p, r);
  p.ref = r.ref;
  p.after = r.after;
  p.before = r.before ?? '0'.repeat(40);
  return p;
}

export interface ActionRunOptions {
  event: string;
  payload: unknown;
  workspace: string;
  apiUrl: string;
  repository: string;
  /** Action inputs by their action.yml names, e.g. { 'fail-on': 'never' }. */
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** Sends SIGTERM this long after the start, as the runner does when a job is cancelled. */
  signalAfterMs?: number;
  /** SIGTERM once this holds (polled): e.g. once the model server has answered, so the step's handlers are in place. */
  signalWhen?: () => boolean;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands the step printed, e.g. { command: 'warning', message }. */
  commands: { command: string; message: string }[];
  /** The JSON file named by the `report-path` output, read before the runner's temp dir goes. */
  report?: any;
  /** The file named by the `report-html-path` output, read likewise. */
  html?: string;
}

/** Inputs as the runner passes them: every action.yml default, then the workflow's `with:`. */
export function inputEnv(inputs: Record<string, string> = {}): Record<string, string> {
  const spec = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const values: Record<string, string> = {};
  for (const [name, def] of Object.entries(spec.inputs)) {
    if (def.default === undefined) continue;
    values[name] = def.default === '${{ github.token }}' ? TEST_TOKEN : def.default;
  }
  Object.assign(values, inputs);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}

/** Parses a GITHUB_OUTPUT file (`name<<delimiter` blocks, or `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export function runAction(opts: ActionRunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-runner-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(opts.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const p = opts.payload as any;
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: opts.repository,
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: p?.after ?? p?.pull_request?.merge_commit_sha ?? undefined,
    GITHUB_REF: p?.ref ?? (p?.pull_request ? `refs/pull/${p.pull_request.number}/merge` : 'refs/heads/main'),
    RUNNER_TEMP: join(dir, 'runner-temp'),
    PROMPTGATE_TEST_GITHUB_FAST: '1',
    ...inputEnv(opts.inputs),
    ...opts.env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION_ENTRY], {
      cwd: opts.workspace,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (opts.signalAfterMs !== undefined) setTimeout(() => child.kill('SIGTERM'), opts.signalAfterMs);
    if (opts.signalWhen) {
      const poll = setInterval(() => {
        if (!opts.signalWhen!()) return;
        clearInterval(poll);
        child.kill('SIGTERM');
      }, 10);
      child.on('close', () => clearInterval(poll));
    }
    child.on('error', reject);
    child.on('close', (code) => {
      const outputs = parseOutputFile(readFileSync(outputPath, 'utf8'));
      const run: ActionRun = {
        code: code ?? -1,
        stdout,
        stderr,
        outputs,
        report: outputs['report-path'] ? readReportFile(outputs['report-path']) : undefined,
        html: outputs['report-html-path'] ? readFileSync(outputs['report-html-path'], 'utf8') : undefined,
        summary: readFileSync(summaryPath, 'utf8'),
        commands: [...stdout.matchAll(/^::([a-z-]+)(?: [^:]*)?::(.*)$/gm)].map((m) => ({
          command: m[1]!,
          message: m[2]!,
        })),
      };
      rmSync(dir, { recursive: true, force: true });
      resolve(run);
    });
  });
}
