// Handlebars' parser alone (no runtime, no code generator): all promptgate runs of Handlebars
// in its own process, and it loads in a fraction of the time of the whole package. Required on
// the first Dotprompt template, not at import: a run without one (plain, Jinja, Prompty
// prompts) never evaluates the parser (~3 ms of a cold start). The bundler inlines the
// require() as a call of the bundled module's initialiser.
import type {} from 'handlebars';

type Parse = (template: string) => hbs.AST.Program;
let parser: Parse | undefined;

export function parse(template: string): hbs.AST.Program {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (above)
  parser ??= (require('handlebars/dist/cjs/handlebars/compiler/base.js') as { parse: Parse }).parse;
  return parser(template);
}
