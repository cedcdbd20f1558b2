// Handlebars' parser alone (no runtime, no code generator): all promptgate runs of Handlebars
// in its own process, and it loads in a fraction of the time of the whole package.
import type {} from 'handlebars';
// @ts-expect-error -- the compiler's parser module ships no type declarations of its own
import { parse as parseHandlebars } from 'handlebars/dist/cjs/handlebars/compiler/base.js';

export const parse: (template: string) => hbs.AST.Program = parseHandlebars;
