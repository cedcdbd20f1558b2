// Builds the judge's chat request for one (sample, llm-rubric assertion).
//
// Judge provider: the assertion's `provider` override merged onto the suite's provider. Only
// model and sampling fields may differ; base_url, api_key_env and headers are always the
// suite's, which the pipeline pinned to the trusted base revision (validate.ts rejects them on
// an assertion), so a PR cannot send the key elsewhere through a judge.
// Request defaults differ from the prompt's on purpose: temperature 0 and max_tokens 1024 (a
// reason needs room; the suite's max_tokens is sized for the prompt's own answers).
import type { AssertionSpec, ProviderConfig } from '../config/schema.js';
import { githubModelToProviderModel } from '../prompts/github-prompt-yml.js';
import { fillTemplate, lookupVar } from '../prompts/template.js';
import { isGithubModelsEndpoint } from '../suites/suite-provider.js';
import type { ChatMessage, ChatRequest, Suite } from '../types.js';
import { replyInstruction, RUBRIC_SYSTEM, rubricUserMessage } from './judge-prompts.js';
import { judgeResponseFormat } from './judge-reply.js';

export const JUDGE_MAX_TOKENS = 1024;

export function judgeProvider(spec: AssertionSpec, suite: Pick<Suite, 'provider' | 'prompt'>): ProviderConfig {
  const o = spec.provider ?? {};
  const p: ProviderConfig = { ...suite.provider };
  if (o.model !== undefined) {
    // GitHub `modelId: openai/gpt-4o` on a non-GitHub endpoint, as for the prompt's own model.
    p.model =
      suite.prompt.format === 'github-prompt-yml' && !isGithubModelsEndpoint(p.base_url)
        ? githubModelToProviderModel(o.model)
        : o.model;
  }
  return p;
}

/**
 * `{{output}}` / `{{completion}}` are the graded output (they win over case vars of that name);
 * other names are case vars. A missing one throws, except in `lenient` mode (custom judge
 * prompts, as `gh models eval` does), where the placeholder stays as written.
 */
export function fillJudgeTemplate(
  template: string,
  vars: Record<string, unknown>,
  output: string,
  lenient: boolean,
): string {
  return fillTemplate(
    template,
    (name) => (name === 'output' || name === 'completion' ? output : lookupVar(vars, name)),
    (name, placeholder) => {
      if (lenient) return placeholder;
      throw new Error(
        `the rubric uses {{${name}}} but the case has no variable ${name}; add it to the case's vars or use {{output}}`,
      );
    },
  );
}

export function buildJudgeRequest(
  spec: AssertionSpec,
  suite: Pick<Suite, 'provider' | 'prompt'>,
  vars: Record<string, unknown>,
  output: string,
): { provider: ProviderConfig; request: ChatRequest } {
  const provider = judgeProvider(spec, suite);
  const choices = spec.choices ? Object.keys(spec.choices) : undefined;
  const template = typeof spec.value === 'string' ? spec.value : '';
  let messages: ChatMessage[];
  if (spec.system_prompt !== undefined) {
    const system = [spec.system_prompt.trim(), replyInstruction(choices)].filter(Boolean).join('\n\n');
    messages = [
      { role: 'system', content: system },
      { role: 'user', content: fillJudgeTemplate(template, vars, output, true) },
    ];
  } else {
    messages = [
      { role: 'system', content: `${RUBRIC_SYSTEM}\n${replyInstruction(choices)}` },
      { role: 'user', content: rubricUserMessage(output, fillJudgeTemplate(template, vars, output, false)) },
    ];
  }
  const o = spec.provider ?? {};
  const request: ChatRequest = {
    model: provider.model,
    messages,
    temperature: o.temperature ?? 0,
    max_tokens: o.max_tokens ?? JUDGE_MAX_TOKENS,
    response_format: judgeResponseFormat(choices),
  };
  if (o.top_p !== undefined) request.top_p = o.top_p;
  if (o.seed !== undefined) request.seed = o.seed;
  return { provider, request };
}
