// Assertion values use the prompts' template syntax (`{{ name }}`, `{{ a.b }}`, no escaping)
// and its lookup rules; the only difference is the error: a missing variable fails the
// assertion with a reason instead of stopping the run, since the value is judged per sample.
import { fillTemplate, lookupVar } from '../../prompts/template.js';

export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(`assertion value uses {{${variable}}} but the case has no variable ${variable}`);
    this.name = 'MissingVariableError';
  }
}

/** Fills `{{var}}` placeholders in a string; throws MissingVariableError on an unknown variable. */
export function fillValue(template: string, vars: Record<string, unknown>): string {
  return fillTemplate(
    template,
    (name) => lookupVar(vars, name),
    (name) => {
      throw new MissingVariableError(name);
    },
  );
}

/** The template with each placeholder replaced by a neutral literal: for static checks (regex). */
export function stripPlaceholders(template: string): string {
  return fillTemplate(
    template,
    () => 'x',
    () => 'x',
  );
}
