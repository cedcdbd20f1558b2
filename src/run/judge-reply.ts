// The judge's reply: the JSON schema we request and the zod check of what came back. A reply
// that fails the check is "malformed" (retried once, then an error outcome - never a fail).
import * as z from '../zod.js';
import { parseModelJson } from '../suites/assertions/types/json.js';

export interface JudgeSpec {
  choices?: Record<string, number>;
  threshold?: number;
}

export type JudgeVerdict =
  { ok: true; holds: boolean; reason: string; score: number; choice?: string } | { ok: false; error: string };

/** OpenAI structured output: reason first, so the model explains before it decides. */
export function judgeResponseFormat(choices: string[] | undefined): Record<string, unknown> {
  const decision = choices ? { choice: { type: 'string', enum: choices } } : { pass: { type: 'boolean' } };
  return {
    type: 'json_schema',
    json_schema: {
      name: 'judgement',
      strict: true,
      schema: {
        type: 'object',
        properties: { reason: { type: 'string' }, ...decision },
        required: ['reason', choices ? 'choice' : 'pass'],
        additionalProperties: false,
      },
    },
  };
}

// built on the first judge reply: most runs have no judge
const buildReplies = () => ({
  pass: z.object({ reason: z.string(), pass: z.boolean() }),
  choice: z.object({
    reason: z.string(),
    choice: z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
  }),
});
let replies: ReturnType<typeof buildReplies> | undefined;

/**
 * The choice whose text equals the whole answer, trimmed and ignoring case; never a substring
 * ("1" does not match "10", "10" does not match "1").
 */
export function matchChoice(answer: string, choices: readonly string[]): string | undefined {
  const want = answer.trim().toLowerCase();
  return choices.find((c) => c.trim().toLowerCase() === want);
}

function short(s: string, max = 120): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

export function parseJudgeReply(text: string, spec: JudgeSpec): JudgeVerdict {
  const choices = spec.choices ? Object.keys(spec.choices) : undefined;
  if (choices) {
    // A judge that ignored the schema but answered with just a choice is still unambiguous.
    const bare = matchChoice(text, choices);
    if (bare !== undefined) return scored(bare, '', spec);
  }
  const json = parseModelJson(text);
  if (!json.ok) return { ok: false, error: `judge reply is ${json.error}; got ${short(text)}` };
  if (!choices) {
    const r = (replies ??= buildReplies()).pass.safeParse(json.value);
    if (!r.success)
      return { ok: false, error: `judge reply lacks {"reason": string, "pass": boolean}; got ${short(text)}` };
    return { ok: true, holds: r.data.pass, reason: r.data.reason.trim(), score: r.data.pass ? 1 : 0 };
  }
  const r = (replies ??= buildReplies()).choice.safeParse(json.value);
  if (!r.success)
    return { ok: false, error: `judge reply lacks {"reason": string, "choice": string}; got ${short(text)}` };
  const choice = matchChoice(r.data.choice, choices);
  if (choice === undefined) {
    return {
      ok: false,
      error: `judge chose ${short(r.data.choice)}, which is none of ${choices.map((c) => JSON.stringify(c)).join(', ')}`,
    };
  }
  return scored(choice, r.data.reason.trim(), spec);
}

/** With a threshold, pass when score ≥ threshold; without one, GitHub's rule: pass when score > 0. */
function scored(choice: string, reason: string, spec: JudgeSpec): JudgeVerdict {
  const score = spec.choices![choice]!;
  const holds = spec.threshold !== undefined ? score >= spec.threshold : score > 0;
  return { ok: true, holds, reason, score, choice };
}

/** The outcome's reason, e.g. `judge chose "2" (score 2; passes at ≥ 4): the answer omits the refund`. */
export function describeVerdict(v: Extract<JudgeVerdict, { ok: true }>, spec: JudgeSpec): string {
  const why = v.reason || '(no reason given)';
  if (v.choice === undefined) return `judge: ${why}`;
  const rule = spec.threshold !== undefined ? `passes at ≥ ${spec.threshold}` : 'passes above 0';
  return `judge chose ${JSON.stringify(v.choice)} (score ${v.score}; ${rule}): ${why}`;
}
