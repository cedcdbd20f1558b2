// Two "versions" of the toy model for drift tests (test/support/toy-model.ts answers): v1
// answers every item right; v2, a provider update, answers odd items "wrong", and reports
// another model id and system_fingerprint.
import type { ModelVersion } from './model-server.js';
import { toyAnswer, toyCases } from './toy-model.js';

type Messages = { messages: { role: string; content: string }[] };

export const DRIFT_VERSIONS: Record<'v1' | 'v2', ModelVersion> = {
  v1: {
    model: 'toy-model-2025-01-01',
    systemFingerprint: 'fp_v1aaaa',
    answer: (body, ctx) => toyAnswer(body as Messages, ctx.repeatIndex),
  },
  v2: {
    model: 'toy-model-2025-02-01',
    systemFingerprint: 'fp_v2bbbb',
    answer: (body, ctx) => {
      const m = body as Messages;
      return toyAnswer({ messages: [...m.messages, { role: 'system', content: 'BROKEN' }] }, ctx.repeatIndex);
    },
  },
};

/** A repository with one suite, `fruit`, over `cases` toy cases, on the model server at `url`. */
export function driftRepoFiles(url: string, cases = 30): Record<string, string> {
  return {
    'promptgate.yml': `version: 1
provider: { model: toy-model, base_url: ${url}, api_key_env: TOY_KEY, temperature: 0, max_tokens: 50 }
run: { repeats: 1, concurrency: 8, timeout_s: 5 }
pricing:
  overrides:
    - { model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert:
      - { type: starts-with, value: "{{expected}}" }
`,
    'prompts/fruit.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/fruit.jsonl': toyCases(cases),
    '.gitignore': '.promptgate/\n',
  };
}
