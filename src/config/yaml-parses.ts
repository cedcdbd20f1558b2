// One YAML parse per text for a whole run. A comparison reads promptgate.yml on both sides
// (usually the same text) and again for positions while resolving suites: four parses of
// the same text, the first of them with the parser still cold (~2 ms each after it). The
// memo is a value the caller creates for one run and passes down, not module state. Only
// the syntax tree is shared: every reader builds its own JS values from it (toJS), so no
// side can change what another sees.
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
}

/** Parsed texts of one run, by text. */
export type YamlParses = Map<string, ParsedYaml>;

/** `text` parsed with positions; throws what the parser throws (only a stack overflow). */
export function parseYamlText(text: string, parses?: YamlParses): ParsedYaml {
  const known = parses?.get(text);
  if (known) return known;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const parsed = { doc, lineCounter };
  parses?.set(text, parsed);
  return parsed;
}
