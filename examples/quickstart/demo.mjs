#!/usr/bin/env node
// Offline demo of the main job: builds a throwaway git repository with the example as
// `main` and a branch that rewrites the triage prompt, then runs
// `promptgate compare --base main` against it with the recorded responses (--replay).
//
//   node examples/quickstart/demo.mjs            # offline, from the recorded cache
//   node examples/quickstart/demo.mjs --record   # refresh the cache from the real model (needs OPENAI_API_KEY)
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDemo } from '../demo-repo.mjs';

const code = runDemo(dirname(fileURLToPath(import.meta.url)), {
  name: 'quickstart',
  baseMessage: 'triage prompt with category definitions',
  branch: 'shorter-prompt',
  headMessage: 'shorten the triage prompt',
});
if (code === 1) console.log('The gate failed as intended: the shorter prompt dropped the "account" category.');
// 0 and 1 are both successful demonstrations; anything else is a real problem
process.exitCode = code <= 1 ? 0 : code;
