// The texts `promptgate init` writes. Hand-written YAML, so each key can carry a comment that
// says what it is for; values that come from the repository (paths, variable names) are
// quoted whenever they are not plainly safe. The workflow is the README's, byte for byte
// (a test checks), so the quick start and `init` never drift apart.
import type { InitSuite } from './init-plan.js';

/** Where editors fetch the config's JSON Schema: schema/promptgate.schema.json of this repository at the Action's major tag. */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json';
export const WORKFLOW_PATH = '.github/workflows/promptgate.yml';

export const INIT_WORKFLOW = `name: promptgate
on:
  pull_request:
permissions:
  contents: read        # read the repository and its history
  pull-requests: write  # the sticky PR comment
  checks: write         # the check run with annotations on regressed cases
concurrency:
  group: promptgate-\${{ github.event.pull_request.number }}
  cancel-in-progress: true
jobs:
  promptgate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # promptgate diffs the PR's base and head commits
      - id: promptgate
        uses: promptgate/promptgate@v1
        env:
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
      - if: always() && steps.promptgate.outputs.report-path != ''
        uses: actions/upload-artifact@v4
        with:
          name: promptgate-report
          path: |
            \${{ steps.promptgate.outputs.report-path }}
            \${{ steps.promptgate.outputs.cases-path }}
            \${{ steps.promptgate.outputs.report-html-path }}
`;

/** A YAML scalar: plain when that is unambiguous, else double-quoted (JSON strings are YAML). */
export function scalar(value: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** One line for a comment: no newline can end it and start YAML. */
const commentSafe = (text: string): string => text.replace(/[\r\n]+/g, ' ');

const HEADER = `# yaml-language-server: $schema=${SCHEMA_URL}
# promptgate configuration, written by \`promptgate init\`. Every key is described in the
# README ("Configuration: promptgate.yml"); the schema line above lets editors complete and
# check the keys. Thresholds and provider settings are always read from the pull request's
# base revision, so a PR cannot loosen the gate it is judged by.
version: 1

# The model both sides of a pull request are evaluated with; any OpenAI-compatible endpoint.
provider:
  model: gpt-4.1-mini
  base_url: https://api.openai.com/v1
  api_key_env: OPENAI_API_KEY # the variable holding the key (a repository secret in CI)
  temperature: 0
  max_tokens: 512

run:
  repeats: 3 # samples per case per side; more repeats detect smaller changes
  concurrency: auto # learns the provider's rate limit
  max_cost_usd: 5 # spend cap for one run, both sides together

cache:
  dir: .promptgate/cache # model answers, so reruns cost nothing; add it to .gitignore
`;

const GATE = `
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;

function suiteBlock(s: InitSuite): string {
  const vars = s.variables.length ? `variables: ${s.variables.map(commentSafe).join(', ')}` : 'no variables';
  return `  # ${commentSafe(s.file)} (${s.format}; ${vars})
  - name: ${scalar(s.name)}
    prompt: ${scalar(s.file)}
    cases: ${scalar(s.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`;
}

const NO_SUITES = `  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;

export function configText(
  suites: InitSuite[],
  promptYml: string[],
  skipped: Array<{ file: string; why: string }>,
  beyondLimit: number,
): string {
  const notes: string[] = [];
  if (promptYml.length)
    notes.push(
      '# GitHub prompt files are suites on their own (their testData and evaluators), found without',
      '# configuration:',
      ...promptYml.map((f) => `#   ${commentSafe(f)}`),
    );
  if (skipped.length)
    notes.push(
      '# Looked like prompts but did not parse (fix them, then add a suite):',
      ...skipped.map((s) => `#   ${commentSafe(s.file)}: ${commentSafe(s.why)}`),
    );
  if (beyondLimit > 0) notes.push(`# ${beyondLimit} more prompt files were found; add suites for them by hand.`);
  const list = suites.length ? suites.map(suiteBlock).join('\n') : NO_SUITES;
  const head = `${HEADER}\n# One suite per prompt: its cases run on the PR's base and head, and the results are paired.\n`;
  return `${head}${notes.length ? `${notes.join('\n')}\n` : ''}suites:${suites.length ? '' : ' []'}\n${list}${GATE}`;
}

/** Nested vars for dotted names: `customer.name` → { customer: { name } }. */
function placeholders(variables: string[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const v of variables) {
    const path = v.split('.');
    let at = vars;
    path.forEach((key, i) => {
      if (i === path.length - 1) at[key] ??= `TODO: a value for {{${v}}}`;
      else at = (at[key] = typeof at[key] === 'object' && at[key] !== null ? at[key] : {}) as Record<string, unknown>;
    });
  }
  if (!('expected' in vars)) vars.expected = 'TODO: what a correct answer contains';
  return vars;
}

function yamlMap(value: Record<string, unknown>, indent: string): string {
  return Object.entries(value)
    .map(([k, v]) =>
      typeof v === 'object' && v !== null
        ? `${indent}${scalar(k)}:\n${yamlMap(v as Record<string, unknown>, `${indent}  `)}`
        : `${indent}${scalar(k)}: ${JSON.stringify(v)}`,
    )
    .join('\n');
}

export function datasetText(s: InitSuite): string {
  const vars = yamlMap(placeholders(s.variables), '    ');
  return `# Cases for suite \`${commentSafe(s.name)}\` (${commentSafe(s.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${vars}
`;
}
