#!/usr/bin/env node
// Writes test/fixtures/github/openapi-subset.json: the few GitHub REST operations promptgate
// calls, plus every component they reference (transitively), from GitHub's official OpenAPI
// description as packaged in @octokit/openapi. The loopback GitHub stand-in
// (test/support/github-server.ts) validates every request and response against it.
//
// The package is ~385 MB, so it is NOT a project dependency. To refresh the fixture:
//
//   mkdir -p /tmp/oa && (cd /tmp/oa && npm i @octokit/openapi)
//   node scripts/extract-openapi.mjs [/tmp/oa/node_modules/@octokit/openapi]
//
// (or set OCTOKIT_OPENAPI_DIR). Review the diff of the fixture before committing it.
//
// Choices:
// - Source: generated/api.github.com.json (the one with $ref), not the .deref.json: keeping
//   the references keeps shared schemas (simple-user, repository, ...) once and named, so the
//   stand-in can validate objects against `#/components/schemas/<name>`.
// - The description is OpenAPI 3.0 (`nullable: true`); Ajv speaks JSON Schema, so every
//   `nullable` is rewritten: `type: X` → `type: [X, "null"]` (and `null` added to an `enum`),
//   otherwise the schema is wrapped as `anyOf: [schema, {type: "null"}]`.
// - Prose (`description`) and request examples are dropped to keep the file small; the
//   examples of success responses are kept because the stand-in builds its replies from them.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../test/fixtures/github/openapi-subset.json');
const pkgDir = process.argv[2] ?? process.env.OCTOKIT_OPENAPI_DIR ?? '/tmp/oa/node_modules/@octokit/openapi';

/** Operations promptgate uses. Keep in sync with src/github/*. */
export const OPERATIONS = [
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'get'],
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'post'],
  ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'patch'],
  ['/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', 'post'],
  ['/repos/{owner}/{repo}/check-runs', 'post'],
  ['/repos/{owner}/{repo}/check-runs/{check_run_id}', 'patch'],
  ['/repos/{owner}/{repo}/collaborators/{username}/permission', 'get'],
  ['/user', 'get'],
  ['/repos/{owner}/{repo}/pulls/{pull_number}', 'get'],
  // drift watch (src/github/issues.ts): one tracking issue, found by label + marker
  ['/repos/{owner}/{repo}/issues', 'get'],
  ['/repos/{owner}/{repo}/issues', 'post'],
  ['/repos/{owner}/{repo}/issues/{issue_number}', 'patch'],
  ['/repos/{owner}/{repo}/labels', 'post'],
];

const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const spec = JSON.parse(readFileSync(join(pkgDir, 'generated', 'api.github.com.json'), 'utf8'));

const clone = (v) => JSON.parse(JSON.stringify(v));

function stripOperation(op) {
  const o = clone(op);
  delete o.description;
  delete o.externalDocs;
  if (o.requestBody?.content) {
    for (const media of Object.values(o.requestBody.content)) delete media.examples;
  }
  for (const [status, res] of Object.entries(o.responses ?? {})) {
    // Only 2xx examples are templates for the stand-in; the rest is dead weight.
    if (!status.startsWith('2') && res.content) {
      for (const media of Object.values(res.content)) delete media.examples;
    }
  }
  return o;
}

const paths = {};
for (const [p, method] of OPERATIONS) {
  const op = spec.paths[p]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${p} is not in ${pkg.name}@${pkg.version}`);
  paths[p] ??= {};
  paths[p][method] = stripOperation(op);
}

// Transitive closure over "#/components/<kind>/<name>" references.
const components = {};
const queue = [paths];
const seen = new Set();
function collect(node) {
  if (Array.isArray(node)) return node.forEach(collect);
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') {
      if (seen.has(v)) continue;
      seen.add(v);
      const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(v);
      if (!m) throw new Error(`unsupported $ref ${v}`);
      const [, kind, name] = m;
      const target = spec.components[kind]?.[name];
      if (!target) throw new Error(`dangling $ref ${v}`);
      (components[kind] ??= {})[name] = clone(target);
      queue.push(components[kind][name]);
    } else collect(v);
  }
}
while (queue.length) collect(queue.shift());

// Drop prose everywhere (but not a property that happens to be called "description").
function dropProse(node, inPropertiesMap = false) {
  if (Array.isArray(node)) return node.forEach((n) => dropProse(n));
  if (!node || typeof node !== 'object') return;
  if (!inPropertiesMap && typeof node.description === 'string') delete node.description;
  for (const [k, v] of Object.entries(node)) {
    if (!inPropertiesMap && (k === 'examples' || k === 'example')) continue; // example data stays verbatim
    dropProse(v, k === 'properties' && !inPropertiesMap);
  }
}

// OpenAPI 3.0 nullable → JSON Schema. Returns the replacement node.
function denull(node, inPropertiesMap = false) {
  if (Array.isArray(node)) return node.map((n) => denull(n));
  if (!node || typeof node !== 'object') return node;
  const outNode = {};
  for (const [k, v] of Object.entries(node)) {
    if (!inPropertiesMap && (k === 'examples' || k === 'example')) outNode[k] = v;
    else outNode[k] = denull(v, k === 'properties' && !inPropertiesMap);
  }
  if (inPropertiesMap || typeof outNode.nullable !== 'boolean') return outNode;
  const nullable = outNode.nullable;
  delete outNode.nullable;
  if (!nullable) return outNode;
  if (typeof outNode.type === 'string' && !outNode.allOf && !outNode.anyOf && !outNode.oneOf) {
    outNode.type = [outNode.type, 'null'];
    if (Array.isArray(outNode.enum) && !outNode.enum.includes(null)) outNode.enum.push(null);
    return outNode;
  }
  return { anyOf: [outNode, { type: 'null' }] };
}

const subset = denull({
  openapi: spec.openapi,
  info: {
    title: 'promptgate subset of the GitHub REST API description',
    version: spec.info.version,
    'x-source': `${pkg.name}@${pkg.version} generated/api.github.com.json`,
    'x-regenerate': 'node scripts/extract-openapi.mjs /tmp/oa/node_modules/@octokit/openapi',
    'x-nullable': 'OpenAPI 3.0 nullable rewritten to JSON Schema type arrays / anyOf null',
  },
  paths,
  components,
});
dropProse(subset.paths);
dropProse(subset.components);

mkdirSync(dirname(out), { recursive: true });
const text = `${JSON.stringify(subset, null, 1)}\n`;
writeFileSync(out, text);
const counts = Object.entries(components)
  .map(([k, v]) => `${Object.keys(v).length} ${k}`)
  .join(', ');
console.log(`wrote ${out}: ${OPERATIONS.length} operations, ${counts}, ${(text.length / 1024).toFixed(0)} KiB`);
