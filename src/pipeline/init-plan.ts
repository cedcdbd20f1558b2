// `promptgate init`: which prompt files a repository has (read as data through a FileSource,
// parsed by the same parsers a run uses) and the files that set promptgate up for them: a
// commented promptgate.yml with a suite per prompt, a starter dataset per suite with the
// variables its prompt uses, and the PR workflow of the README. Pure apart from the reads;
// the CLI writes the files (src/cli/init.ts).
import { isGithubPromptFile } from '../prompts/github-prompt-yml.js';
import { parsePrompt, promptFormatOf } from '../prompts/load-prompt.js';
import type { FileSource } from '../files/file-source.js';
import type { Prompt } from '../types.js';
import { INIT_WORKFLOW, WORKFLOW_PATH, configText, datasetText } from './init-templates.js';

export const CONFIG_PATH = 'promptgate.yml';
/** A config found here counts as existing too (the loader finds either). */
export const OTHER_CONFIG_PATH = '.github/promptgate.yml';
const MAX_SUITES = 50;

export interface FoundPrompt {
  file: string;
  format: Prompt['format'];
  variables: string[];
}

export interface InitSuite extends FoundPrompt {
  name: string;
  cases: string;
}

export interface InitPlan {
  suites: InitSuite[];
  /** GitHub `*.prompt.yml` files: suites on their own, with their own testData. */
  promptYml: string[];
  /** Prompt-like files that did not parse, with the parser's first message. */
  skipped: Array<{ file: string; why: string }>;
  files: Array<{ path: string; text: string }>;
}

const PROMPT_FILE = /\.(prompty|prompt)$/i;
const MAYBE_PROMPT = /\.(md|txt|json|ya?ml)$/i;
const NOT_PROMPTS = /^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;

/**
 * Files that look like prompts: Prompty and Dotprompt files anywhere, and templates or chat
 * files whose path names a prompt (`prompts/…`, `…-prompt.md`). Config, workflows and
 * datasets are left alone.
 */
function candidate(file: string): boolean {
  if (isGithubPromptFile(file) || PROMPT_FILE.test(file)) return true;
  if (!MAYBE_PROMPT.test(file) || file.startsWith('.github/') || file === CONFIG_PATH) return false;
  const parts = file.split('/');
  const base = parts.at(-1)!;
  if (NOT_PROMPTS.test(base) || parts.some((p) => /^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(p)))
    return false;
  return parts.some((p) => /prompt/i.test(p));
}

function firstMessage(e: unknown): string {
  const problems = (e as { problems?: Array<{ message: string }> }).problems;
  return problems?.[0]?.message ?? (e instanceof Error ? e.message : String(e));
}

export async function findPrompts(src: FileSource): Promise<{
  prompts: FoundPrompt[];
  promptYml: string[];
  skipped: InitPlan['skipped'];
}> {
  const prompts: FoundPrompt[] = [];
  const promptYml: string[] = [];
  const skipped: InitPlan['skipped'] = [];
  for (const file of (await src.list()).filter(candidate)) {
    if (isGithubPromptFile(file)) {
      promptYml.push(file);
      continue;
    }
    const text = await src.read(file);
    if (text === undefined) continue;
    try {
      const p = parsePrompt(file, text);
      // a Markdown or text file without a single {{variable}} is documentation, not a template
      if (p.format === 'template' && p.variables.length === 0) continue;
      prompts.push({ file, format: p.format, variables: p.variables });
    } catch (e) {
      // a .json or .yaml file without `messages` is some other data file: not worth a note
      if (promptFormatOf(file) === 'chat') continue;
      skipped.push({ file, why: firstMessage(e) });
    }
  }
  return { prompts, promptYml, skipped };
}

/** `prompts/support/reply.md` → `reply`; clashes take more of the path (`support-reply`). */
export function suiteNames(files: string[]): string[] {
  const stem = (f: string, depth: number) =>
    f
      .replace(/\.[^./]+$/, '')
      .split('/')
      .slice(-depth)
      .join('-')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '') || 'prompt';
  const names = files.map((f) => stem(f, 1));
  for (let depth = 2; depth <= 8; depth++) {
    const clash = new Set(names.filter((n, i) => names.indexOf(n) !== i));
    if (clash.size === 0) break;
    files.forEach((f, i) => {
      if (clash.has(names[i]!)) names[i] = stem(f, depth);
    });
  }
  // still equal (same path but for the extension): number them
  return names.map((n, i) => (names.indexOf(n) === i ? n : `${n}-${i + 1}`));
}

export async function planInit(src: FileSource): Promise<InitPlan> {
  const found = await findPrompts(src);
  const prompts = found.prompts.slice(0, MAX_SUITES);
  const names = suiteNames(prompts.map((p) => p.file));
  const suites = prompts.map((p, i) => ({ ...p, name: names[i]!, cases: `evals/${names[i]}.yaml` }));
  const files = [
    {
      path: CONFIG_PATH,
      text: configText(suites, found.promptYml, found.skipped, found.prompts.length - prompts.length),
    },
    ...suites.map((s) => ({ path: s.cases, text: datasetText(s) })),
    { path: WORKFLOW_PATH, text: INIT_WORKFLOW },
  ];
  return { suites, promptYml: found.promptYml, skipped: found.skipped, files };
}
