// How the loopback model answers requests with tools or structured output, deterministically
// from the request (test/support/model-server.ts uses it when no `answer` is given):
//
// - tools, and the last turn is not a tool result: the model calls the tools whose
//   *description* shares the most words (3+ letters) with the last user message - at least one
//   word; with `parallel_tool_calls: false` only the first of them. `tool_choice: none` answers
//   text, `required` calls the best tool even with no shared word, `{function: {name}}` calls
//   that one. A vaguer description shares fewer words: the model stops calling the tool.
//   Arguments follow the tool's parameters (see valueFor); ids are `call_0`, `call_1`, ...
// - the last turn is a tool result, or no tool fits the last user message after a tool result
//   earlier in the conversation: the answer is `done: <the latest tool result>`.
// - `response_format` json_schema: a JSON object following the schema; json_object:
//   `{"answer": "echo: <last user message>"}`.
// Anything else: the plain answer the caller computed (`echo: …`).

export interface ToolReply {
  content: string | null;
  tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
}

type Json = Record<string, any>;

const STOP = new Set(['the', 'and', 'for', 'with', 'this', 'that', 'from', 'are', 'was', 'you', 'your', 'please']);

export function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).filter((w) => !STOP.has(w)));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** A value for one schema node, read from the user's text where the text has one. */
export function valueFor(schema: Json | undefined, name: string, text: string): unknown {
  const s = schema ?? {};
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  if (Array.isArray(s.enum)) {
    const said = words(text);
    return s.enum.find((e: unknown) => typeof e === 'string' && said.has(e.toLowerCase())) ?? s.enum[0];
  }
  if (type === 'object' || s.properties) return objectFor(s, text);
  if (type === 'array') return [valueFor(s.items, name, text)];
  if (type === 'integer' || type === 'number') return Number(/-?\d+(\.\d+)?/.exec(text)?.[0] ?? 0);
  if (type === 'boolean') return words(text).has(name.toLowerCase());
  return text.length > 80 ? text.slice(0, 80) : text;
}

function objectFor(schema: Json, text: string): Json {
  const props: Json = schema.properties ?? {};
  const names: string[] =
    Array.isArray(schema.required) && schema.required.length ? schema.required : Object.keys(props);
  return Object.fromEntries(names.map((n) => [n, valueFor(props[n], n, text)]));
}

function chosenTools(body: Json, lastUser: string): Json[] {
  const tools: Json[] = (body.tools ?? []).filter((t: Json) => t?.type === 'function' && t.function?.name);
  const choice = body.tool_choice;
  if (!tools.length || choice === 'none') return [];
  if (choice && typeof choice === 'object') return tools.filter((t) => t.function.name === choice.function?.name);
  const said = words(lastUser);
  const scores = tools.map((t) => overlap(said, words(String(t.function.description ?? ''))));
  const best = Math.max(...scores);
  if (best < 1 && choice !== 'required') return [];
  const picked = tools.filter((_, i) => scores[i] === best);
  return body.parallel_tool_calls === false ? picked.slice(0, 1) : picked;
}

/** The reply for a request with tools or a response format; undefined when it has neither. */
export function toolModelReply(body: Json, lastUser: string, plain: string): ToolReply | undefined {
  const messages: Json[] = Array.isArray(body.messages) ? body.messages : [];
  const last = messages[messages.length - 1];
  const lastTool = [...messages].reverse().find((m) => m?.role === 'tool');
  if (last?.role === 'tool') return { content: `done: ${String(last.content ?? '')}` };
  const calls = chosenTools(body, lastUser);
  if (calls.length) {
    return {
      content: null,
      tool_calls: calls.map((t, i) => ({
        id: `call_${i}`,
        type: 'function',
        function: {
          name: t.function.name,
          arguments: JSON.stringify(objectFor(t.function.parameters ?? {}, lastUser)),
        },
      })),
    };
  }
  if (lastTool) return { content: `done: ${String(lastTool.content ?? '')}` };
  const rf = body.response_format;
  if (rf?.type === 'json_schema') return { content: JSON.stringify(objectFor(rf.json_schema?.schema ?? {}, lastUser)) };
  if (rf?.type === 'json_object') return { content: JSON.stringify({ answer: plain }) };
  return undefined;
}
