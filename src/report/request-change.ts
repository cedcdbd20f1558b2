// "What changed in the request": per suite, what the PR changed in what every call sends
// besides the messages (report.json `suites[].request`): the model, sampling parameters
// (stop sequences, penalties and extra_body keys too), tools, the tool choice and structured output. A temperature raised from 0 to 0.9 fails a
// PR as surely as a reworded prompt, and the prompt diff does not show it. Text is unescaped
// (Line parts, untrusted names as `code`); each renderer escapes it.
import type { RequestParams, SuiteReport } from '../compare/report-types.js';
import type { Line, Part } from './view.js';

const SAMPLING = [
  'temperature',
  'top_p',
  'max_tokens',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'max_tokens_param',
] as const;

/** JSON with sorted keys, so two equal definitions compare equal however they were written. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const unset = (v: unknown): string => (v === undefined ? 'unset' : String(v));

function codes(names: readonly string[]): Part[] {
  return names.flatMap((n, i) => [...(i ? [', '] : []), { code: n }]);
}

/** "tools: added `a`; removed `b`; `c` changed": named entries compared by their canonical JSON. */
function namedChange(label: string, bm: Map<string, string>, hm: Map<string, string>): Line | null {
  const added = [...hm.keys()].filter((n) => !bm.has(n));
  const removed = [...bm.keys()].filter((n) => !hm.has(n));
  const changed = [...hm.keys()].filter((n) => bm.has(n) && bm.get(n) !== hm.get(n));
  const parts: Line[] = [];
  if (added.length) parts.push(['added ', ...codes(added)]);
  if (removed.length) parts.push(['removed ', ...codes(removed)]);
  if (changed.length) parts.push([...codes(changed), ' changed']);
  return parts.length ? [`${label}: `, ...parts.flatMap((p, i) => [...(i ? ['; '] : []), ...p])] : null;
}

function toolsChange(b: RequestParams, h: RequestParams): Line | null {
  const defs = (r: RequestParams) => new Map((r.tools ?? []).map((t) => [t.function.name, canonical(t)]));
  return namedChange('tools', defs(b), defs(h));
}

/** "stop `###` → `END`, `###`": each side's sequences, a single one as a list of one. */
function stopChange(b: RequestParams, h: RequestParams): Line | null {
  const list = (s: RequestParams['stop']): string[] => (s === undefined ? [] : typeof s === 'string' ? [s] : s);
  const [bs, hs] = [list(b.stop), list(h.stop)];
  if (canonical(bs) === canonical(hs)) return null;
  const side = (s: string[]): Part[] => (s.length ? codes(s) : ['unset']);
  return ['stop ', ...side(bs), ' → ', ...side(hs)];
}

/** extra_body by key: values may be long or private to the endpoint, the names say what moved. */
function extraBodyChange(b: RequestParams, h: RequestParams): Line | null {
  const keyed = (r: RequestParams) =>
    new Map(
      Object.keys(r.extra_body ?? {})
        .sort()
        .map((k) => [k, canonical(r.extra_body![k])]),
    );
  return namedChange('extra_body', keyed(b), keyed(h));
}

function choice(c: RequestParams['tool_choice']): string {
  return c === undefined ? 'unset' : typeof c === 'string' ? c : `function ${c.function.name}`;
}

/** "json_schema `triage`", "json_object", "unset". */
function formatName(f: RequestParams['response_format']): Part[] {
  if (!f) return ['unset'];
  const schema = f.json_schema as { name?: unknown } | undefined;
  const type = typeof f.type === 'string' ? f.type : 'custom';
  return typeof schema?.name === 'string' ? [`${type} `, { code: schema.name }] : [type];
}

function formatChange(b: RequestParams, h: RequestParams): Line | null {
  if (canonical(b.response_format) === canonical(h.response_format)) return null;
  const [bn, hn] = [formatName(b.response_format), formatName(h.response_format)];
  if (canonical(bn) !== canonical(hn)) return ['response_format ', ...bn, ' → ', ...hn];
  return ['response_format ', ...hn, ': schema changed'];
}

/** The changes of one suite's request, base → head, each a short phrase; empty when none. */
export function requestChanges(suite: SuiteReport): Line[] {
  const b = suite.request?.base;
  const h = suite.request?.head;
  if (!b || !h) return [];
  const out: Line[] = [];
  if (b.model !== h.model) out.push(['model ', { code: b.model }, ' → ', { code: h.model }]);
  for (const k of SAMPLING) if (b[k] !== h[k]) out.push([`${k} ${unset(b[k])} → ${unset(h[k])}`]);
  const stop = stopChange(b, h);
  if (stop) out.push(stop);
  const extra = extraBodyChange(b, h);
  if (extra) out.push(extra);
  const tools = toolsChange(b, h);
  if (tools) out.push(tools);
  if (choice(b.tool_choice) !== choice(h.tool_choice))
    out.push(['tool_choice ', { code: choice(b.tool_choice) }, ' → ', { code: choice(h.tool_choice) }]);
  if (b.parallel_tool_calls !== h.parallel_tool_calls)
    out.push([`parallel_tool_calls ${unset(b.parallel_tool_calls)} → ${unset(h.parallel_tool_calls)}`]);
  const format = formatChange(b, h);
  if (format) out.push(format);
  return out;
}

/** One line per suite whose request the PR changed: "`triage`: temperature 0 → 0.9 · model …". */
export function requestLines(suites: readonly SuiteReport[]): Line[] {
  return suites.flatMap((s) => {
    const changes = requestChanges(s);
    if (!changes.length) return [];
    return [[{ code: s.name }, ': ', ...changes.flatMap((c, i) => [...(i ? [' · '] : []), ...c])]];
  });
}
