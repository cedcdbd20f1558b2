// Request/response validation against the GitHub REST description subset
// (test/fixtures/github/openapi-subset.json, written by scripts/extract-openapi.mjs).
// The stand-in server uses this so a client that sends, or a stand-in that answers, something
// GitHub would not accept/produce is caught by the tests rather than in production.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

type Json = Record<string, any>;

export interface MatchedOperation {
  operationId: string;
  method: string;
  template: string;
  pathParams: Record<string, string>;
  op: Json;
}

const subsetPath = fileURLToPath(new URL('../fixtures/github/openapi-subset.json', import.meta.url));
const DOC_ID = 'github-subset';

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export class GitHubOpenApi {
  readonly doc: Json;
  private readonly ajv: Ajv;
  private readonly routes: { re: RegExp; names: string[]; template: string; method: string; op: Json }[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(doc: Json = JSON.parse(readFileSync(subsetPath, 'utf8'))) {
    this.doc = doc;
    // strict: false because OpenAPI adds annotation keywords (example, x-github, ...) Ajv doesn't know.
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    this.ajv.addSchema({ ...doc, $id: DOC_ID });
    for (const [template, methods] of Object.entries<Json>(doc.paths)) {
      const names: string[] = [];
      const source = template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      for (const [method, op] of Object.entries<Json>(methods)) {
        this.routes.push({ re: new RegExp(`^${source}$`), names, template, method: method.toUpperCase(), op });
      }
    }
  }

  match(method: string, pathname: string): MatchedOperation | undefined {
    for (const r of this.routes) {
      if (r.method !== method.toUpperCase()) continue;
      const m = r.re.exec(pathname);
      if (!m) continue;
      const pathParams = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      return { operationId: r.op.operationId, method: r.method, template: r.template, pathParams, op: r.op };
    }
    return undefined;
  }

  /** Problems with the path/query parameters and the JSON body of a request; [] when valid. */
  validateRequest(m: MatchedOperation, query: URLSearchParams, body: unknown): string[] {
    const problems: string[] = [];
    for (const raw of m.op.parameters ?? []) {
      const p = this.deref(raw);
      const value = p.in === 'path' ? m.pathParams[p.name] : p.in === 'query' ? query.get(p.name) : undefined;
      if (value === undefined || value === null) {
        if (p.required && p.in !== 'header') problems.push(`missing ${p.in} parameter ${p.name}`);
        continue;
      }
      const type = p.schema?.type;
      if (type === 'integer' && !/^-?\d+$/.test(value))
        problems.push(`${p.in} parameter ${p.name}=${value} is not an integer`);
      if (Array.isArray(p.schema?.enum) && !p.schema.enum.includes(value)) {
        problems.push(`${p.in} parameter ${p.name}=${value} is not one of ${p.schema.enum.join(', ')}`);
      }
    }
    const rb = m.op.requestBody;
    if (rb) {
      if (body === undefined) {
        if (rb.required) problems.push('missing request body');
      } else {
        const pointer = `#/paths/${escapePointer(m.template)}/${m.method.toLowerCase()}/requestBody/content/application~1json/schema`;
        problems.push(...this.check(pointer, body, 'request body'));
      }
    } else if (body !== undefined) {
      problems.push('request body sent to an operation that takes none');
    }
    return problems;
  }

  /**
   * Problems with a response body for a status. `declaredOnly`: the status must be one the
   * description lists for this operation (false for injected failures such as a 403 on PATCH,
   * which GitHub really sends but does not declare; those are checked as basic-error).
   */
  validateResponse(m: MatchedOperation, status: number, body: unknown, declaredOnly = true): string[] {
    const responses = m.op.responses ?? {};
    let entry = responses[String(status)];
    let pointer: string;
    if (!entry) {
      if (declaredOnly) return [`status ${status} is not declared for ${m.operationId}`];
      pointer = '#/components/schemas/basic-error';
      return this.check(pointer, body, `response ${status}`);
    }
    pointer = `#/paths/${escapePointer(m.template)}/${m.method.toLowerCase()}/responses/${status}`;
    if (typeof entry.$ref === 'string') {
      pointer = entry.$ref;
      entry = this.deref(entry);
    }
    if (!entry.content?.['application/json']) {
      return body === undefined || body === '' ? [] : [`status ${status} of ${m.operationId} has no body`];
    }
    return this.check(`${pointer}/content/application~1json/schema`, body, `response ${status}`);
  }

  /** Validates any value against a named component schema, e.g. 'issue-comment'. */
  validateSchema(name: string, value: unknown): string[] {
    return this.check(`#/components/schemas/${escapePointer(name)}`, value, name);
  }

  /** A deep copy of a named example's value (the stand-in's reply templates). */
  example(name: string): Json {
    const ex = this.doc.components.examples?.[name];
    if (!ex) throw new Error(`no example ${name} in the OpenAPI subset; rerun scripts/extract-openapi.mjs`);
    return structuredClone(ex.value);
  }

  private deref(node: Json): Json {
    if (typeof node?.$ref !== 'string') return node;
    const parts = (node.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur: any = this.doc;
    for (const part of parts) cur = cur?.[part];
    if (cur === undefined) throw new Error(`dangling $ref ${node.$ref}`);
    return cur;
  }

  private check(pointer: string, value: unknown, what: string): string[] {
    let v = this.cache.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      this.cache.set(pointer, v);
    }
    if (v(value)) return [];
    return (v.errors ?? [])
      .slice(0, 5)
      .map((e) => `${what}${e.instancePath || ''} ${e.message ?? 'is invalid'} (${e.schemaPath})`);
  }
}
