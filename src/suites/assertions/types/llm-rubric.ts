// llm-rubric: a judge model reads the output and the rubric (`value:` or `rubric_file:`) and
// answers pass/fail, or picks one of `choices:` whose score is compared with `threshold:`.
// The judge call is made by the run's judge phase (src/run/judge-phase.ts); its rubric is
// filled there too, since it may use the output ({{output}}) as well as the case's vars.
import { TRUSTED_PROVIDER_KEYS } from '../../../config/schema.js';
import { SAMPLING_KEYS } from '../../../request-options.js';
import type { AssertionSpec } from '../../../types.js';
import type { AssertionProblem, AssertionType } from '../assertion-type.js';

/** A judge's rubric: `value:` or `rubric_file:`, one of them. */
export function rubricProblem(spec: AssertionSpec): AssertionProblem | undefined {
  const v = spec.value;
  if (typeof v !== 'string' && spec.rubric_file === undefined) {
    return { field: 'value', message: `${spec.type} needs \`value:\` (the rubric text) or \`rubric_file:\`` };
  }
  if (v !== undefined && spec.rubric_file !== undefined) {
    return { field: 'rubric_file', message: `${spec.type} has both \`value:\` and \`rubric_file:\`; keep one` };
  }
  return undefined;
}

/**
 * The judge's endpoint and key always come from the suite's provider (pinned to the base
 * revision), so an assertion - possibly in a PR's dataset - cannot redirect the API key.
 */
export function judgeProviderProblem(spec: AssertionSpec): AssertionProblem | undefined {
  const bad = TRUSTED_PROVIDER_KEYS.filter((k) => spec.provider?.[k] !== undefined);
  const lead = "a judge's provider may set model, temperature, max_tokens, top_p and seed";
  if (bad.length)
    return {
      field: 'provider',
      message: `${lead}; ${bad.join(', ')} always come from the suite's provider - remove them here`,
    };
  // a judge answers in its own structured format: stop sequences or extra body keys would break it
  const unsent = SAMPLING_KEYS.filter((k) => spec.provider?.[k] !== undefined);
  if (!unsent.length) return undefined;
  return {
    field: 'provider',
    message: `${lead}; ${unsent.join(', ')} would not be sent to the judge - remove them here`,
  };
}

function judgeProblem(spec: AssertionSpec): AssertionProblem | undefined {
  const rubric = rubricProblem(spec);
  if (rubric) return rubric;
  if (spec.choices !== undefined && Object.keys(spec.choices).length === 0) {
    return {
      field: 'choices',
      message: 'choices is empty; give each answer the judge may pick a score, e.g. { good: 1, bad: 0 }',
    };
  }
  if (spec.threshold !== undefined && spec.choices === undefined) {
    return {
      field: 'threshold',
      message:
        'threshold applies to the scores of `choices:`; add choices or remove threshold (without choices the judge answers pass/fail)',
    };
  }
  return judgeProviderProblem(spec);
}

export const llmRubric: AssertionType = {
  name: 'llm-rubric',
  value: 'rubric',
  templated: false,
  negatable: true,
  fields: ['threshold', 'provider', 'rubric_file', 'choices', 'system_prompt'],
  needs: 'judge',
  validate: judgeProblem,
  models: (spec) => (spec.provider?.model ? [spec.provider.model] : []),
};
