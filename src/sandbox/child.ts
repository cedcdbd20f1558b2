// The render sandbox's own program (bundled alone as dist/render-sandbox.mjs). It runs with an
// empty environment under Node's permission model (see render-sandbox.ts): it reads one job
// list from stdin, renders each with Google's `dotprompt` package, writes the results to stdout, exits.
import { Dotprompt } from 'dotprompt';
import type { DotpromptJob, DotpromptMessage, DotpromptResult } from './protocol.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function renderJob(job: DotpromptJob): Promise<DotpromptResult[]> {
  const dp = new Dotprompt({ partials: job.partials });
  let render;
  try {
    render = await dp.compile({ template: job.template, config: {}, ext: {}, metadata: {} });
  } catch (e) {
    return job.cases.map(() => ({ error: e instanceof Error ? e.message : String(e) }));
  }
  const options = { input: { default: job.defaults } };
  const results: DotpromptResult[] = [];
  for (const c of job.cases) {
    try {
      const data = { input: c.input, context: c.context, ...(c.messages ? { messages: c.messages } : {}) };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- dotprompt's Message type is wider than the wire shape
      const out = await render(data as any, options);
      results.push({ messages: out.messages as DotpromptMessage[] });
    } catch (e) {
      results.push({ error: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
}

async function main(): Promise<void> {
  // Handlebars' `log` helper and library warnings would write into the answer on stdout.
  for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = () => undefined;
  const jobs = JSON.parse(await readStdin()) as DotpromptJob[];
  const results: DotpromptResult[][] = [];
  for (const job of jobs) results.push(await renderJob(job));
  process.stdout.write(JSON.stringify(results));
}

main().catch((e: unknown) => {
  process.stderr.write(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
