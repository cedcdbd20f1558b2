// The one zod import of the code base, a base helper (config, prompts and the response cache
// validate with it): zod/mini, the same validation core (and the same issue objects that
// zod-issues.ts words) as zod's method-chaining API at a fraction of its start-up cost.
// Named re-exports, not the namespace: re-exporting `* as z` would bundle all of zod.
// Mini ships no messages, so English is set here for the few zod texts that reach users.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export {
  _default,
  array,
  boolean,
  enum,
  gt,
  gte,
  int,
  lazy,
  literal,
  lt,
  lte,
  minLength,
  nonnegative,
  nullable,
  number,
  object,
  optional,
  overwrite,
  partial,
  pipe,
  positive,
  record,
  refine,
  regex,
  strictObject,
  string,
  transform,
  union,
  unknown,
  url,
} from 'zod/mini';
export type { infer, output, ZodMiniType } from 'zod/mini';
