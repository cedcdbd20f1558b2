// Starts the loopback model server (test/support/model-server.ts) in its own process, so its
// CPU never competes with the measured CLI's event loop. The TypeScript is bundled on the fly
// with esbuild into a temp file; the parent talks to the child over IPC.
import { build } from 'esbuild';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

const ENTRY = `
import { startModelServer } from './model-server.ts';
const s = await startModelServer(JSON.parse(process.env.PG_BENCH_SERVER ?? '{}'));
process.send({ url: s.url });
process.on('message', async (m) => {
  if (m.op === 'stats') process.send({ id: m.id, stats: { ...s.stats } });
  else if (m.op === 'reset') { s.reset(); process.send({ id: m.id }); }
  else if (m.op === 'set') { s.setBehaviour(m.behaviour); process.send({ id: m.id }); }
  else if (m.op === 'close') { await s.close(); process.exit(0); }
});
`;

/** @returns {Promise<{ url: string, stats(): Promise<any>, reset(): Promise<void>, set(b: object): Promise<void>, close(): Promise<void> }>} */
export async function startServerProcess(options) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-server-'));
  const file = join(dir, 'server.mjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: join(root, 'test', 'support'), loader: 'ts', sourcefile: 'server-entry.ts' },
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const child = fork(file, [], {
    env: { ...process.env, PG_BENCH_SERVER: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise((res, rej) => {
    child.once('message', (m) => res(m.url));
    child.once('exit', (code) => rej(new Error(`model server exited with ${code}`)));
  });
  let next = 0;
  const ask = (op, extra = {}) =>
    new Promise((res) => {
      const id = ++next;
      const on = (m) => {
        if (m.id !== id) return;
        child.off('message', on);
        res(m);
      };
      child.on('message', on);
      child.send({ op, id, ...extra });
    });
  return {
    url,
    stats: async () => (await ask('stats')).stats,
    reset: async () => void (await ask('reset')),
    set: async (behaviour) => void (await ask('set', { behaviour })),
    close: async () => {
      const exited = new Promise((res) => child.once('exit', res));
      child.send({ op: 'close' });
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
