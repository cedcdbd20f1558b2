// Secret values promptgate knows (the API key named by api_key_env, `${VAR}` values of provider
// headers, the GitHub token) are replaced by *** in every text it writes or posts. `::add-mask::`
// only protects the job log; a PR comment, a check run, the job summary, report.json, the CLI's
// files and the response cache go through the API or the disk, so they are redacted here: at the
// source (a provider redacts its own key from error bodies and answers) and again at each sink.
// A Redactor is a value the entry point creates and hands down; secrets join it as they become
// known (a suite's provider settings are read only after the config is loaded).
import type { Logger } from './log.js';

/** Shorter values would match ordinary words ("k", "test"): they are not treated as secrets. */
export const MIN_SECRET_LENGTH = 8;
export const REDACTED = '***';

export class Redactor {
  private readonly forms = new Set<string>();
  private pattern: RegExp | undefined;

  /** Adds secret values; empty, undefined and too-short ones are ignored. */
  add(...values: (string | undefined | null)[]): this {
    for (const raw of values) {
      const v = raw?.trim();
      if (!v || v.length < MIN_SECRET_LENGTH) continue;
      // as written, and as it appears inside JSON text or a URL
      for (const form of [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v)]) {
        if (!this.forms.has(form)) {
          this.forms.add(form);
          this.pattern = undefined;
        }
      }
    }
    return this;
  }

  /** The values of these environment variables. */
  addEnv(env: Record<string, string | undefined>, names: Iterable<string>): this {
    for (const n of names) this.add(env[n]);
    return this;
  }

  get empty(): boolean {
    return this.forms.size === 0;
  }

  redact(text: string): string {
    if (this.forms.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    this.pattern ??= new RegExp(
      [...this.forms]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, REDACTED);
  }

  /**
   * Redacts every string inside `value` (objects and arrays walked iteratively), in place: a
   * report of 100 000 samples is walked, not copied. Returns `value` (a string: its redaction).
   */
  redactDeep<T>(value: T): T {
    if (this.forms.size === 0) return value;
    if (typeof value === 'string') return this.redact(value) as T;
    if (value === null || typeof value !== 'object') return value;
    const seen = new WeakSet<object>();
    const stack: object[] = [value];
    while (stack.length) {
      const node = stack.pop() as Record<string, unknown>;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const k of Object.keys(node)) {
        const v = node[k];
        if (typeof v === 'string') {
          const r = this.redact(v);
          if (r !== v) node[k] = r;
        } else if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
    return value;
  }
}

/** `${VAR}` names in provider header values (their values are secrets like the API key). */
export function headerVariables(headers: Record<string, string> | undefined): string[] {
  return Object.values(headers ?? {}).flatMap((v) =>
    [...v.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!),
  );
}

/** Every environment variable whose value a provider config sends as a credential. */
export function secretEnvNames(provider: { api_key_env: string; headers?: Record<string, string> }): string[] {
  return [provider.api_key_env, ...headerVariables(provider.headers)];
}

/** A logger whose every message is redacted first. */
export function redactingLogger(log: Logger, r: Redactor): Logger {
  return {
    info: (m) => log.info(r.redact(m)),
    warn: (m) => log.warn(r.redact(m)),
    debug: (m) => log.debug(r.redact(m)),
  };
}
