#!/usr/bin/env node
import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as f}from"./chunk-BUX5ENGT.js";import{b}from"./chunk-W6HF53KC.js";import{a as u}from"./chunk-HPETQO75.js";import{a as d,b as l,c as s,d as g,f as h,h as y}from"./chunk-BHRI4ICT.js";import"./chunk-5SILH6BQ.js";import{readFileSync as N}from"node:fs";function w(t,e,n){return{info:r=>n(`${r}
`),warn:r=>n(`${t.yellow("warning:")} ${r}
`),debug:r=>{e&&n(`${t.dim("debug:")} ${r}
`)}}}import{parseArgs as O}from"node:util";var m=`promptgate — measure prompt changes

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

Exit codes: 0 gate passed, 1 gate failed, 2 invalid config or input, 3 could not finish.`;function v(t,e,n){if(e===void 0)return;let r=Number(e);if(!Number.isInteger(r)||r<1||r>n)throw s.one("command line",`${t} must be a whole number from 1 to ${n}, got "${e}"`);return r}var E=["init","run","compare","validate","render"],S={run:["plain","json"],compare:["plain","json"],render:["md","summary","plain","html"]};function j(t,e){let n=t;if(!(n instanceof TypeError)||!n.code?.startsWith("ERR_PARSE_ARGS"))return;let r=/Unknown option '(-{1,2}[^']+)'/.exec(n.message)?.[1];if(r){let i=u(r.replace(/^-+/,""),e);return s.one("command line",`unknown option ${r}; ${i?`did you mean --${i}?`:"see --help for the options"}`)}return s.one("command line",`${n.message.split(". ")[0]}; see --help`)}function $(t){try{return k(t)}catch(e){throw j(e,Object.keys(R))??e}}var R={config:{type:"string",short:"c"},suite:{type:"string",multiple:!0},repeats:{type:"string"},out:{type:"string"},"out-dir":{type:"string"},base:{type:"string"},head:{type:"string"},all:{type:"boolean"},"cache-dir":{type:"string"},replay:{type:"boolean"},record:{type:"boolean"},"no-cache":{type:"boolean"},concurrency:{type:"string"},"keep-going":{type:"boolean"},format:{type:"string"},junit:{type:"string"},version:{type:"boolean"},verbose:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}};function k(t){let{values:e,positionals:n}=O({args:t,allowPositionals:!0,strict:!0,options:R}),[r,...i]=n;if(e.help)return"help";if(e.version)return"version";if(!r)return"usage";if(!E.includes(r)){let p=u(r,E);throw s.one("command line",`unknown command "${r}"; ${p?`did you mean "${p}"? `:""}use init, run, compare, validate or render (see --help)`)}let c=[e.replay&&"replay",e.record&&"record",e["no-cache"]&&"off"].filter(Boolean);if(c.length>1)throw s.one("command line","use only one of --replay, --record and --no-cache");let o=F(r,e.format);if(e.junit!==void 0&&r!=="run"&&r!=="compare")throw s.one("command line","--junit applies to run and compare");let a;if(e.concurrency!==void 0&&(a=e.concurrency==="auto"?"auto":v("--concurrency",e.concurrency,1e3)),r==="compare"&&!e.base)throw s.one("command line","compare needs --base REF (e.g. --base origin/main)");if(r==="render"&&!i[0])throw s.one("command line","render needs the path of a report.json");return{command:r,config:e.config,suites:e.suite??[],repeats:v("--repeats",e.repeats,100),out:e.out,outDir:e["out-dir"]??".promptgate/out",base:e.base,head:e.head,all:e.all??!1,cacheDir:e["cache-dir"],cacheMode:c[0]??"use",concurrency:a,keepGoing:e["keep-going"]??!1,format:o,junit:e.junit,file:i[0],verbose:e.verbose??!1}}function F(t,e){let n=S[t];if(!n){if(e===void 0)return"plain";throw s.one("command line","--format applies to run, compare and render")}let r=e??n[0];if(!n.includes(r)){let i=`${n.slice(0,-1).join(", ")}${n.length>2?",":""} or ${n.at(-1)}`;throw s.one("command line",`--format for ${t} must be ${i}, got "${r}"`)}return r}function x(){return JSON.parse(N(new URL("../package.json",import.meta.url),"utf8")).version}async function A(t){let e=f(process.stderr,process.env),n=new AbortController,r=new h().addEnv(process.env,["GITHUB_TOKEN","GH_TOKEN"]),i=0,c=o=>{i++,i>1&&process.exit(130),process.stderr.write(`
${o}: stopping; finished samples are kept in the cache and a partial report is written
`),n.abort(new Error(`cancelled (${o})`))};process.on("SIGINT",c),process.on("SIGTERM",c);try{let o=$(t);if(o==="help"||o==="version")return process.stdout.write(`${o==="help"?m:`promptgate ${x()}`}
`),0;if(o==="usage")return process.stderr.write(`${m}
`),2;let a=o.command==="compare"?b(process.cwd(),o.base,o.head,o.config):void 0;a?.catch(()=>{});let{runCommand:p}=await import("./chunk-GKWFXBRZ.js");return await p(o,{cwd:process.cwd(),env:process.env,log:y(w(e,o.verbose,C=>process.stderr.write(C)),r),redactor:r,stdout:process.stdout,stderr:process.stderr,signal:n.signal,revisions:a})}catch(o){if(o instanceof s){for(let a of o.problems)process.stderr.write(`${r.redact(l(a))}
`);return 2}return o instanceof g?(process.stderr.write(`${e.red("error:")} ${r.redact(d(o.message))}
`),3):o instanceof TypeError&&o.code?.startsWith("ERR_PARSE_ARGS")?(process.stderr.write(`command line: ${o.message} (see --help)
`),2):(process.stderr.write(r.redact(`internal error (please report it): ${o instanceof Error?o.stack??o.message:String(o)}
`)),3)}}A(process.argv.slice(2)).then(t=>{process.exitCode=t});
