// Prompty front matter -> the agent definition Prompty's loader builds (LoadConformance.load),
// for both the current form (`model: {id, options}`, `inputs: [{name, kind}]`,
// `template: {format: {kind}}`) and the v1 form (`model: {configuration, parameters}`,
// `inputs: {name: {type}}`, `template: jinja2`). Unlike Prompty, `${env:…}` and `${file:…}`
// references are never resolved: a prompt from a PR must not read the environment or files.
import type { Problem } from '../../errors.js';
import { didYouMean, type YamlDoc } from '../yaml-doc.js';

export interface PromptyProperty {
  name: string;
  kind?: string;
  default?: unknown;
  required?: boolean;
  [key: string]: unknown;
}

export interface PromptyAgent {
  kind: 'prompt';
  name?: string;
  description?: string;
  metadata?: Record<string, unknown>;
  model: { id?: string; provider?: string; apiType?: string; options?: Record<string, unknown> } | null;
  inputs: PromptyProperty[] | null;
  outputs: unknown[] | null;
  tools: Record<string, unknown>[] | null;
  template: { format: { kind: string }; parser: { kind: string } };
  instructions: string;
}

export interface Loaded {
  agent: PromptyAgent;
  problems: Problem[];
  warnings: string[];
}

const TOP = ['name', 'description', 'metadata', 'model', 'inputs', 'outputs', 'tools', 'template', 'version'];
TOP.push('authors', 'tags', 'sample', 'kind');
const V1_PARAMS: Record<string, string> = {
  max_tokens: 'maxOutputTokens',
  temperature: 'temperature',
  top_p: 'topP',
  seed: 'seed',
  stop: 'stopSequences',
  frequency_penalty: 'frequencyPenalty',
  presence_penalty: 'presencePenalty',
};
const ENGINES = ['jinja2', 'mustache'];

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

class Loader {
  readonly problems: Problem[] = [];
  readonly warnings: string[] = [];
  constructor(
    private readonly doc: YamlDoc,
    private readonly file: string,
  ) {}

  fail(path: (string | number)[], message: string, key = false): void {
    this.problems.push({ file: this.file, ...this.doc.at(path, key), message });
  }

  load(fm: Record<string, unknown>, body: string): PromptyAgent {
    for (const k of Object.keys(fm))
      if (!TOP.includes(k))
        this.fail(
          [k],
          `unknown Prompty key \`${k}\`${didYouMean(k, TOP) || `; Prompty's keys are ${TOP.join(', ')}`}`,
          true,
        );
    if (fm.sample !== undefined)
      this.warnings.push("prompty `sample` is for Prompty's own tooling; promptgate uses the suite's cases");
    const agent: PromptyAgent = {
      kind: 'prompt',
      model: this.model(fm.model),
      inputs: fm.inputs === undefined ? null : this.inputs(fm.inputs),
      outputs: fm.outputs === undefined ? null : this.list(fm.outputs, 'outputs'),
      tools: fm.tools === undefined ? null : this.tools(fm.tools),
      template: this.template(fm.template),
      instructions: body.trim(),
    };
    for (const k of ['name', 'description'] as const) if (typeof fm[k] === 'string') agent[k] = fm[k] as string;
    if (obj(fm.metadata)) agent.metadata = obj(fm.metadata);
    return agent;
  }

  private list(v: unknown, key: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.fail([key], `\`${key}\` must be a list`);
    return [];
  }

  private model(v: unknown): PromptyAgent['model'] {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return { id: v };
    const m = obj(v);
    if (!m) return (this.fail(['model'], '`model` must be a model id or a mapping with `id`'), null);
    const out: NonNullable<PromptyAgent['model']> = {};
    const conf = obj(m.configuration);
    const id = m.id ?? conf?.azure_deployment ?? conf?.name ?? conf?.model;
    if (typeof id === 'string') out.id = id;
    if (typeof m.provider === 'string') out.provider = m.provider;
    const api = m.apiType ?? m.api;
    if (typeof api === 'string') out.apiType = api;
    const options: Record<string, unknown> = { ...(obj(m.options) ?? {}) };
    for (const [k, x] of Object.entries(obj(m.parameters) ?? {})) options[V1_PARAMS[k] ?? k] = x;
    if (Object.keys(options).length) out.options = options;
    if (
      m.connection !== undefined ||
      (conf && Object.keys(conf).some((k) => !['azure_deployment', 'name', 'model'].includes(k)))
    )
      this.warnings.push('prompty `model.connection` is ignored: promptgate calls the endpoint set in promptgate.yml');
    const known = ['id', 'provider', 'apiType', 'api', 'connection', 'options', 'configuration', 'parameters'];
    for (const k of Object.keys(m))
      if (!known.includes(k)) this.fail(['model', k], `unknown key \`model.${k}\`${didYouMean(k, known)}`, true);
    return out;
  }

  private inputs(v: unknown): PromptyProperty[] {
    if (Array.isArray(v))
      return v.flatMap((p, i) => {
        const o = obj(p);
        if (!o || typeof o.name !== 'string') return (this.fail(['inputs', i], 'each input needs a `name`'), []);
        return [this.property(o)];
      });
    const m = obj(v);
    if (!m) return (this.fail(['inputs'], '`inputs` must be a list of {name, kind} or a mapping of names'), []);
    return Object.entries(m).map(([name, x]) => {
      const o = obj(x);
      const described =
        o && ['kind', 'type', 'default', 'description', 'required', 'sample'].some((k) => Object.hasOwn(o, k));
      return described ? this.property({ name, ...o }) : { name, kind: kindOf(x), default: x };
    });
  }

  private property(o: Record<string, unknown>): PromptyProperty {
    const { type, sample, ...rest } = o;
    const p = { ...rest } as PromptyProperty;
    if (p.kind === undefined && typeof type === 'string') p.kind = type;
    if (sample !== undefined && p.example === undefined) p.example = sample;
    return p;
  }

  private tools(v: unknown): Record<string, unknown>[] {
    return this.list(v, 'tools').map((t) => {
      const { connection: _, ...rest } = obj(t) ?? {};
      return rest;
    });
  }

  private template(v: unknown): PromptyAgent['template'] {
    const t = obj(v);
    const format =
      typeof v === 'string' ? v : t ? (typeof t.format === 'string' ? t.format : obj(t.format)?.kind) : 'jinja2';
    const parser = t ? (typeof t.parser === 'string' ? t.parser : (obj(t.parser)?.kind ?? 'prompty')) : 'prompty';
    if (v !== undefined && typeof v !== 'string' && !t)
      this.fail(['template'], '`template` must be `jinja2`, `mustache` or `{format: {kind: …}}`');
    else if (typeof format !== 'string' || !ENGINES.includes(format))
      this.fail(
        t ? ['template', 'format'] : ['template'],
        `template format \`${String(format)}\` is not supported; use jinja2 or mustache`,
      );
    if (parser !== 'prompty')
      this.fail(
        ['template', 'parser'],
        `template parser \`${String(parser)}\` is not supported; Prompty's parser is \`prompty\``,
      );
    return { format: { kind: String(format) }, parser: { kind: String(parser) } };
  }
}

function kindOf(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'float';
  if (typeof v === 'boolean') return 'boolean';
  return Array.isArray(v) ? 'array' : 'object';
}

export function loadPromptyAgent(fm: Record<string, unknown>, body: string, doc: YamlDoc, file: string): Loaded {
  const loader = new Loader(doc, file);
  const agent = loader.load(fm, body);
  return { agent, problems: loader.problems, warnings: loader.warnings };
}
