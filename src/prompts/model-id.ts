// Model ids written with a publisher prefix (`openai/gpt-4.1-mini`): GitHub's `.prompt.yml`
// and Dotprompt (Genkit's plugin prefix) name models that way; an OpenAI-compatible endpoint
// other than GitHub Models wants the bare name, mapped by the same rule for both formats.
import type { Prompt } from '../types.js';
import { githubModelToProviderModel } from './github-prompt-yml.js';

const PREFIXED: ReadonlySet<Prompt['format']> = new Set(['github-prompt-yml', 'dotprompt']);

/** The model name to send for a model the prompt file chose. */
export function endpointModelName(prompt: Prompt, model: string, githubModelsEndpoint: boolean): string {
  return PREFIXED.has(prompt.format) && !githubModelsEndpoint ? githubModelToProviderModel(model) : model;
}
