// Dispatches a prompt file to its format parser by file name.
import { InputError } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import type { Prompt } from '../types.js';
import { parseChatFile } from './chat-file.js';
import { parseDotprompt, resolveDotpromptPartials } from './dotprompt.js';
import { isGithubPromptFile, parseGithubPromptYml } from './github-prompt-yml.js';
import { parsePrompty } from './prompty.js';
import { parseTemplateFile } from './template-file.js';

export type PromptFormat = Prompt['format'];

export function promptFormatOf(path: string): PromptFormat {
  const p = path.toLowerCase();
  if (isGithubPromptFile(p)) return 'github-prompt-yml';
  if (/\.(json|ya?ml)$/.test(p)) return 'chat';
  if (p.endsWith('.prompty')) return 'prompty';
  if (p.endsWith('.prompt')) return 'dotprompt';
  return 'template';
}

/** Parses prompt text already read (the caller reports a missing file where it is referenced). */
export function parsePrompt(path: string, text: string): Prompt {
  switch (promptFormatOf(path)) {
    case 'github-prompt-yml':
      return parseGithubPromptYml(path, text);
    case 'chat':
      return parseChatFile(path, text);
    case 'prompty':
      return parsePrompty(path, text);
    case 'dotprompt':
      return parseDotprompt(path, text);
    default:
      return parseTemplateFile(path, text);
  }
}

/**
 * Parses prompt text read from `src` and reads what the prompt itself refers to (Dotprompt
 * partials) from the same revision; those files are listed in `dependencies`.
 */
export async function parsePromptAt(src: FileSource, path: string, text: string): Promise<Prompt> {
  return resolveDotpromptPartials(parsePrompt(path, text), src);
}

export async function loadPrompt(src: FileSource, path: string): Promise<Prompt> {
  const text = await src.read(path);
  if (text === undefined) throw InputError.one(path, `prompt file not found in ${src.label}; check the path`);
  return parsePromptAt(src, path, text);
}
