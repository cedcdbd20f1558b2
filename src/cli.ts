// The `promptgate` command (bundled as dist/cli-main.cjs, started by src/cli-entry.ts). One
// catch turns user-facing errors into their exit codes and a one-line-per-problem message;
// anything else is a bug and says so.
import { readFileSync } from 'node:fs';
import { formatProblem, InputError, oneLine, RunError } from './errors.js';
import { cliLogger } from './cli/cli-logger.js';
import { paintFor } from './cli/colour.js';
import { redactingLogger, Redactor } from './redact.js';
import { parseCli, USAGE } from './cli/parse-args.js';
import { openRevisions } from './pipeline/open-revisions.js';

/** package.json sits one folder up from both src/cli.ts and dist/cli-main.cjs. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(argv: string[]): Promise<number> {
  const err = paintFor(process.stderr, process.env);
  const controller = new AbortController();
  // the suites' key variables join it once the config is read (pipeline/engine-options.ts)
  const redactor = new Redactor().addEnv(process.env, ['GITHUB_TOKEN', 'GH_TOKEN']);
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals > 1) process.exit(130);
    process.stderr.write(
      `\n${sig}: stopping; finished samples are kept in the cache and a partial report is written\n`,
    );
    controller.abort(new Error(`cancelled (${sig})`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const args = parseCli(argv);
    if (args === 'help' || args === 'version') {
      process.stdout.write(`${args === 'help' ? USAGE : `promptgate ${version()}`}\n`);
      return 0;
    }
    if (args === 'usage') {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    // git runs in child processes (on another core) while the engine below loads and compiles
    const revisions =
      args.command === 'compare' ? openRevisions(process.cwd(), args.base!, args.head, args.config) : undefined;
    revisions?.catch(() => {}); // compare awaits it and reports the failure
    // Loaded only for a real command: `--help` and argument errors stay fast.
    const { runCommand } = await import('./cli/commands.js');
    return await runCommand(args, {
      cwd: process.cwd(),
      env: process.env,
      log: redactingLogger(
        cliLogger(err, args.verbose, (t) => process.stderr.write(t)),
        redactor,
      ),
      redactor,
      stdout: process.stdout,
      stderr: process.stderr,
      signal: controller.signal,
      revisions,
    });
  } catch (e) {
    if (e instanceof InputError) {
      for (const p of e.problems) process.stderr.write(`${redactor.redact(formatProblem(p))}\n`);
      return 2;
    }
    if (e instanceof RunError) {
      process.stderr.write(`${err.red('error:')} ${redactor.redact(oneLine(e.message))}\n`);
      return 3;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`command line: ${e.message} (see --help)\n`);
      return 2;
    }
    process.stderr.write(
      redactor.redact(
        `internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      ),
    );
    return 3;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  exitOnceFlushed(code);
});

/**
 * main() awaits every write it starts (the response cache appends synchronously), so once
 * stdout and stderr are flushed only V8's teardown of the run's heap is left: exiting here
 * skips it (~5 ms of a 1,200-call compare's tail, more as the heap grows).
 */
function exitOnceFlushed(code: number): void {
  const streams = [process.stdout, process.stderr].filter((s) => s.writableLength > 0);
  let left = streams.length;
  const done = () => {
    if (--left <= 0) process.exit(code);
  };
  if (!left) return done();
  // a write's callback runs once everything written before it is out (or the stream failed)
  for (const s of streams) s.write('', done);
}
