import { startServerProcess } from './model-server-process.mjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
const s = await startServerProcess({ latencyMs: 100, maxInFlight: 32 });
const dir = mkdtempSync('/tmp/prof/repo-');
const g = (...a) => execFileSync('git', ['-c','user.name=b','-c','user.email=b@x','-c','commit.gpgsign=false',...a], { cwd: dir, stdio: 'pipe' });
g('init','-q','-b','main');
mkdirSync(join(dir,'prompts')); mkdirSync(join(dir,'evals'));
writeFileSync(join(dir,'promptgate.yml'), `version: 1
provider: { model: bench-model, base_url: ${s.url}, api_key_env: K, temperature: 0, max_tokens: 64 }
run: { repeats: 3, concurrency: auto, timeout_s: 60, max_cost_usd: 1000 }
pricing: { overrides: [ { model: bench-model, input_per_mtok: 1, output_per_mtok: 4 } ] }
suites:
  - name: bench
    prompt: prompts/bench.md
    cases: evals/bench.jsonl
    assert: [ { type: contains, value: "{{expected}}" } ]
`);
writeFileSync(join(dir,'.gitignore'), '.promptgate/\nout/\n');
writeFileSync(join(dir,'prompts/bench.md'), 'Name the fruit.\n\n{{text}}\n');
let c=''; for (let i=1;i<=200;i++) c+=JSON.stringify({id:'c'+i, vars:{text:'item '+i+' -> apple', expected:'apple'}})+'\n';
writeFileSync(join(dir,'evals/bench.jsonl'), c);
g('add','-A'); g('commit','-qm','b'); g('checkout','-qb','x');
writeFileSync(join(dir,'prompts/bench.md'), 'Name the fruit please.\n\n{{text}}\n'); g('add','-A'); g('commit','-qm','h');
const extra = process.argv.slice(2);
const r = spawnSync(process.execPath, [...extra, process.cwd()+'/dist/cli.js', 'compare','--base','main','--head','HEAD','--out-dir','out'], { cwd: dir, env: { PATH: process.env.PATH, K: 'x' }, encoding: 'utf8' });
console.log(r.status, r.stderr.slice(-500));
await s.close();
rmSync(dir, { recursive: true });
