#!/usr/bin/env node
import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as f}from"./chunk-BUX5ENGT.js";import{a as h}from"./chunk-7AYIRYDR.js";import{a as u}from"./chunk-CAXDLL7L.js";import{a as l,b as d,c as s,d as g}from"./chunk-GGTPKJU3.js";import"./chunk-5SILH6BQ.js";import{readFileSync as k}from"node:fs";function y(t,e,o){return{info:r=>o(`${r}
`),warn:r=>o(`${t.yellow("warning:")} ${r}
`),debug:r=>{e&&o(`${t.dim("debug:")} ${r}
`)}}}import{parseArgs as E}from"node:util";var m=`promptgate — measure prompt changes

Usage:
  promptgate init
  promptgate run      [--config F] [--suite NAME]... [--repeats N] [--out results.json]
  promptgate compare  --base REF [--head REF] [--config F] [--out-dir DIR] [--all] [--repeats N]
  promptgate validate [--config F]
  promptgate render   REPORT.json [--format md|summary|plain|html]

  init                   write promptgate.yml, a starter dataset per prompt and the PR workflow
  run, compare:
    --format json        print the results / report JSON on stdout (nothing else)
    --junit FILE         also write the cases as JUnit XML (a testsuite per suite)

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

Exit codes: 0 gate passed, 1 gate failed, 2 invalid config or input, 3 could not finish.`;function b(t,e,o){if(e===void 0)return;let r=Number(e);if(!Number.isInteger(r)||r<1||r>o)throw s.one("command line",`${t} must be a whole number from 1 to ${o}, got "${e}"`);return r}var w=["init","run","compare","validate","render"],R={run:["plain","json"],compare:["plain","json"],render:["md","summary","plain","html"]};function C(t,e){let o=t;if(!(o instanceof TypeError)||!o.code?.startsWith("ERR_PARSE_ARGS"))return;let r=/Unknown option '(-{1,2}[^']+)'/.exec(o.message)?.[1];if(r){let i=u(r.replace(/^-+/,""),e);return s.one("command line",`unknown option ${r}; ${i?`did you mean --${i}?`:"see --help for the options"}`)}return s.one("command line",`${o.message.split(". ")[0]}; see --help`)}function v(t){try{return S(t)}catch(e){throw C(e,Object.keys($))??e}}var $={config:{type:"string",short:"c"},suite:{type:"string",multiple:!0},repeats:{type:"string"},out:{type:"string"},"out-dir":{type:"string"},base:{type:"string"},head:{type:"string"},all:{type:"boolean"},"cache-dir":{type:"string"},replay:{type:"boolean"},record:{type:"boolean"},"no-cache":{type:"boolean"},concurrency:{type:"string"},"keep-going":{type:"boolean"},format:{type:"string"},junit:{type:"string"},version:{type:"boolean"},verbose:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}};function S(t){let{values:e,positionals:o}=E({args:t,allowPositionals:!0,strict:!0,options:$}),[r,...i]=o;if(e.help)return"help";if(e.version)return"version";if(!r)return"usage";if(!w.includes(r)){let p=u(r,w);throw s.one("command line",`unknown command "${r}"; ${p?`did you mean "${p}"? `:""}use init, run, compare, validate or render (see --help)`)}let n=[e.replay&&"replay",e.record&&"record",e["no-cache"]&&"off"].filter(Boolean);if(n.length>1)throw s.one("command line","use only one of --replay, --record and --no-cache");let a=j(r,e.format);if(e.junit!==void 0&&r!=="run"&&r!=="compare")throw s.one("command line","--junit applies to run and compare");let c;if(e.concurrency!==void 0&&(c=e.concurrency==="auto"?"auto":b("--concurrency",e.concurrency,1e3)),r==="compare"&&!e.base)throw s.one("command line","compare needs --base REF (e.g. --base origin/main)");if(r==="render"&&!i[0])throw s.one("command line","render needs the path of a report.json");return{command:r,config:e.config,suites:e.suite??[],repeats:b("--repeats",e.repeats,100),out:e.out,outDir:e["out-dir"]??".promptgate/out",base:e.base,head:e.head,all:e.all??!1,cacheDir:e["cache-dir"],cacheMode:n[0]??"use",concurrency:c,keepGoing:e["keep-going"]??!1,format:a,junit:e.junit,file:i[0],verbose:e.verbose??!1}}function j(t,e){let o=R[t];if(!o){if(e===void 0)return"plain";throw s.one("command line","--format applies to run, compare and render")}let r=e??o[0];if(!o.includes(r)){let i=`${o.slice(0,-1).join(", ")}${o.length>2?",":""} or ${o.at(-1)}`;throw s.one("command line",`--format for ${t} must be ${i}, got "${r}"`)}return r}function O(){return JSON.parse(k(new URL("../package.json",import.meta.url),"utf8")).version}async function F(t){let e=f(process.stderr,process.env),o=new AbortController,r=0,i=n=>{r++,r>1&&process.exit(130),process.stderr.write(`
${n}: stopping; finished samples are kept in the cache and a partial report is written
`),o.abort(new Error(`cancelled (${n})`))};process.on("SIGINT",i),process.on("SIGTERM",i);try{let n=v(t);if(n==="help"||n==="version")return process.stdout.write(`${n==="help"?m:`promptgate ${O()}`}
`),0;if(n==="usage")return process.stderr.write(`${m}
`),2;let a=n.command==="compare"?h(process.cwd(),n.base,n.head,n.config):void 0;a?.catch(()=>{});let{runCommand:c}=await import("./chunk-L5TIKPHJ.js");return await c(n,{cwd:process.cwd(),env:process.env,log:y(e,n.verbose,p=>process.stderr.write(p)),stdout:process.stdout,stderr:process.stderr,signal:o.signal,revisions:a})}catch(n){if(n instanceof s){for(let a of n.problems)process.stderr.write(`${d(a)}
`);return 2}return n instanceof g?(process.stderr.write(`${e.red("error:")} ${l(n.message)}
`),3):n instanceof TypeError&&n.code?.startsWith("ERR_PARSE_ARGS")?(process.stderr.write(`command line: ${n.message} (see --help)
`),2):(process.stderr.write(`internal error (please report it): ${n instanceof Error?n.stack??n.message:String(n)}
`),3)}}F(process.argv.slice(2)).then(t=>{process.exitCode=t});
