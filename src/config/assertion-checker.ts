// The assertion types are defined above config (src/suites/assertions/registry.ts), so the
// config loader is handed a checker that knows them; pipeline wires it in. Config still
// reports every problem of the file at once, each at its file:line:col.
import type { AssertionSpec } from '../types.js';

export interface AssertionChecker {
  /** Why `type` names no assertion type ("unknown assertion type …; did you mean …"), or undefined. */
  typeProblem(type: unknown): string | undefined;
  /** The first problem of an assertion of a known type, and the field to point at. */
  problem(spec: AssertionSpec): { field?: string; message: string } | undefined;
}
