#!/usr/bin/env node
import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as g}from"./chunk-BUX5ENGT.js";import{b as h}from"./chunk-G42CCWHM.js";import{a as l}from"./chunk-CAXDLL7L.js";import{a as m,b as u,c as s,d as f}from"./chunk-GGTPKJU3.js";import"./chunk-5SILH6BQ.js";import{readFileSync as k}from"node:fs";function b(o,e,t){return{info:r=>t(`${r}
`),warn:r=>t(`${o.yellow("warning:")} ${r}
`),debug:r=>{e&&t(`${o.dim("debug:")} ${r}
`)}}}import{parseArgs as $}from"node:util";var d=`promptgate — measure prompt changes

Usage:
  promptgate init
  promptgate run      [--config F] [--suite NAME]... [--repeats N] [--out results.json]
  promptgate compare  --base REF [--head REF] [--config F] [--out-dir DIR] [--all] [--repeats N]
  promptgate validate [--config F]
  promptgate render   REPORT.json [--format md|summary|plain|html]
  promptgate drift    [--config F] [--suite NAME]... [--baseline DIR] [--accept] [--out-dir DIR]

  init                   write promptgate.yml, a starter dataset per prompt and the PR workflow
  run, compare:
    --format json        print the results / report JSON on stdout (nothing else)
    --junit FILE         also write the cases as JUnit XML (a testsuite per suite)
  drift                  fresh answers vs the recorded baseline, the prompt held fixed
    --baseline DIR       the baseline (default .promptgate/baseline; recorded when missing)
    --accept             then make the fresh answers the baseline

Common flags:
  --cache-dir DIR        response cache (default: cache.dir from the config)
  --replay               use only the cache; a miss is an error, no network
  --record               call the model even when cached, and store the answers
  --no-cache             neither read nor write the cache
  --concurrency N|auto   parallel calls (default: run.concurrency)
  --keep-going           load the good rows of a dataset with broken rows
  --verbose              debug output
  --version              print the version

Colour on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on (also when not a terminal).

Exit codes: 0 gate passed, 1 gate failed, 2 invalid config or input, 3 could not finish.`;function y(o,e,t){if(e===void 0)return;let r=Number(e);if(!Number.isInteger(r)||r<1||r>t)throw s.one("command line",`${o} must be a whole number from 1 to ${t}, got "${e}"`);return r}var w=["init","run","compare","validate","render","drift"],E={run:["plain","json"],compare:["plain","json"],drift:["plain","json"],render:["md","summary","plain","html"]};function C(o,e){let t=o;if(!(t instanceof TypeError)||!t.code?.startsWith("ERR_PARSE_ARGS"))return;let r=/Unknown option '(-{1,2}[^']+)'/.exec(t.message)?.[1];if(r){let i=l(r.replace(/^-+/,""),e);return s.one("command line",`unknown option ${r}; ${i?`did you mean --${i}?`:"see --help for the options"}`)}return s.one("command line",`${t.message.split(". ")[0]}; see --help`)}function v(o){try{return j(o)}catch(e){throw C(e,Object.keys(R))??e}}var R={config:{type:"string",short:"c"},suite:{type:"string",multiple:!0},repeats:{type:"string"},out:{type:"string"},"out-dir":{type:"string"},base:{type:"string"},head:{type:"string"},all:{type:"boolean"},"cache-dir":{type:"string"},replay:{type:"boolean"},record:{type:"boolean"},"no-cache":{type:"boolean"},concurrency:{type:"string"},"keep-going":{type:"boolean"},format:{type:"string"},junit:{type:"string"},baseline:{type:"string"},accept:{type:"boolean"},version:{type:"boolean"},verbose:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}};function j(o){let{values:e,positionals:t}=$({args:o,allowPositionals:!0,strict:!0,options:R}),[r,...i]=t;if(e.help)return"help";if(e.version)return"version";if(!r)return"usage";if(!w.includes(r)){let p=l(r,w);throw s.one("command line",`unknown command "${r}"; ${p?`did you mean "${p}"? `:""}use init, run, compare, validate, render or drift (see --help)`)}let n=[e.replay&&"replay",e.record&&"record",e["no-cache"]&&"off"].filter(Boolean);if(n.length>1)throw s.one("command line","use only one of --replay, --record and --no-cache");let a=S(r,e.format);if(e.junit!==void 0&&r!=="run"&&r!=="compare")throw s.one("command line","--junit applies to run and compare");let c;if(e.concurrency!==void 0&&(c=e.concurrency==="auto"?"auto":y("--concurrency",e.concurrency,1e3)),r==="compare"&&!e.base)throw s.one("command line","compare needs --base REF (e.g. --base origin/main)");if(r==="drift"&&n.length)throw s.one("command line","drift reads the baseline and always calls the model: --replay, --record and --no-cache do not apply");if(r!=="drift"&&(e.baseline!==void 0||e.accept))throw s.one("command line","--baseline and --accept apply to drift");if(r==="render"&&!i[0])throw s.one("command line","render needs the path of a report.json");return{command:r,config:e.config,suites:e.suite??[],repeats:y("--repeats",e.repeats,100),out:e.out,outDir:e["out-dir"]??".promptgate/out",base:e.base,head:e.head,all:e.all??!1,cacheDir:e["cache-dir"],cacheMode:n[0]??"use",concurrency:c,keepGoing:e["keep-going"]??!1,format:a,junit:e.junit,file:i[0],verbose:e.verbose??!1,baseline:e.baseline??".promptgate/baseline",accept:e.accept??!1}}function S(o,e){let t=E[o];if(!t){if(e===void 0)return"plain";throw s.one("command line","--format applies to run, compare and render")}let r=e??t[0];if(!t.includes(r)){let i=`${t.slice(0,-1).join(", ")}${t.length>2?",":""} or ${t.at(-1)}`;throw s.one("command line",`--format for ${o} must be ${i}, got "${r}"`)}return r}function O(){return JSON.parse(k(new URL("../package.json",import.meta.url),"utf8")).version}async function F(o){let e=g(process.stderr,process.env),t=new AbortController,r=0,i=n=>{r++,r>1&&process.exit(130),process.stderr.write(`
${n}: stopping; finished samples are kept in the cache and a partial report is written
`),t.abort(new Error(`cancelled (${n})`))};process.on("SIGINT",i),process.on("SIGTERM",i);try{let n=v(o);if(n==="help"||n==="version")return process.stdout.write(`${n==="help"?d:`promptgate ${O()}`}
`),0;if(n==="usage")return process.stderr.write(`${d}
`),2;let a=n.command==="compare"?h(process.cwd(),n.base,n.head,n.config):void 0;a?.catch(()=>{});let{runCommand:c}=await import("./chunk-KHT3UVGK.js");return await c(n,{cwd:process.cwd(),env:process.env,log:b(e,n.verbose,p=>process.stderr.write(p)),stdout:process.stdout,stderr:process.stderr,signal:t.signal,revisions:a})}catch(n){if(n instanceof s){for(let a of n.problems)process.stderr.write(`${u(a)}
`);return 2}return n instanceof f?(process.stderr.write(`${e.red("error:")} ${m(n.message)}
`),3):n instanceof TypeError&&n.code?.startsWith("ERR_PARSE_ARGS")?(process.stderr.write(`command line: ${n.message} (see --help)
`),2):(process.stderr.write(`internal error (please report it): ${n instanceof Error?n.stack??n.message:String(n)}
`),3)}}F(process.argv.slice(2)).then(o=>{process.exitCode=o});
