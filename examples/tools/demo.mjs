#!/usr/bin/env node
// Offline demo of tool-call grading: `main` has the support agent with its two tools, the
// branch makes the create_issue description vaguer, and `promptgate compare --base main`
// replays the recorded (illustrative, loopback-model) responses.
//
//   node examples/tools/demo.mjs            # offline, from the recorded cache
//   node examples/tools/demo.mjs --record   # refresh the cache from the real model (needs OPENAI_API_KEY)
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDemo } from '../demo-repo.mjs';

const code = runDemo(dirname(fileURLToPath(import.meta.url)), {
  name: 'tools',
  baseMessage: 'support agent with create_issue and search_docs',
  branch: 'vaguer-tool',
  headMessage: 'shorten the create_issue description',
});
if (code === 1) console.log('The gate failed as intended: with a vague description the model stops filing issues.');
process.exitCode = code <= 1 ? 0 : code;
