// Dispatches a prompt file to its format parser by file name.
import type { Prompt } from '../types.js';
import { parseChatFile } from './chat-file.js';
import { parseDotprompt } from './dotprompt.js';
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
