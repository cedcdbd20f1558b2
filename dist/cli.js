#!/usr/bin/env node
import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as h}from"./chunk-A6ECITEZ.js";import{a as p}from"./chunk-HPETQO75.js";import{a as m,b as l,c as s,d as u,f as g,h as f}from"./chunk-BHRI4ICT.js";import"./chunk-5SILH6BQ.js";function b(t=!1){return{info:e=>process.stderr.write(`${e}
`),warn:e=>process.stderr.write(`warning: ${e}
`),debug:e=>{t&&process.stderr.write(`debug: ${e}
`)}}}import{parseArgs as R}from"node:util";var E=`promptgate — measure prompt changes

Usage:
  promptgate run      [--config F] [--suite NAME]... [--repeats N] [--out results.json]
  promptgate compare  --base REF [--head REF] [--config F] [--out-dir DIR] [--all] [--repeats N]
  promptgate validate [--config F]
  promptgate render   REPORT.json [--format md|summary|plain]

Common flags:
  --cache-dir DIR        response cache (default: cache.dir from the config)
  --replay               use only the cache; a miss is an error, no network
  --record               call the model even when cached, and store the answers
  --no-cache             neither read nor write the cache
  --concurrency N|auto   parallel calls (default: run.concurrency)
  --keep-going           load the good rows of a dataset with broken rows
  --verbose              debug output

Exit codes: 0 gate passed, 1 gate failed, 2 invalid config or input, 3 could not finish.`;function y(t,e,n){if(e===void 0)return;let o=Number(e);if(!Number.isInteger(o)||o<1||o>n)throw s.one("command line",`${t} must be a whole number from 1 to ${n}, got "${e}"`);return o}var w=["run","compare","validate","render"];function C(t,e){let n=t;if(!(n instanceof TypeError)||!n.code?.startsWith("ERR_PARSE_ARGS"))return;let o=/Unknown option '(-{1,2}[^']+)'/.exec(n.message)?.[1];if(o){let a=p(o.replace(/^-+/,""),e);return s.one("command line",`unknown option ${o}; ${a?`did you mean --${a}?`:"see --help for the options"}`)}return s.one("command line",`${n.message.split(". ")[0]}; see --help`)}function v(t){try{return S(t)}catch(e){throw C(e,Object.keys($))??e}}var $={config:{type:"string",short:"c"},suite:{type:"string",multiple:!0},repeats:{type:"string"},out:{type:"string"},"out-dir":{type:"string"},base:{type:"string"},head:{type:"string"},all:{type:"boolean"},"cache-dir":{type:"string"},replay:{type:"boolean"},record:{type:"boolean"},"no-cache":{type:"boolean"},concurrency:{type:"string"},"keep-going":{type:"boolean"},format:{type:"string"},verbose:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}};function S(t){let{values:e,positionals:n}=R({args:t,allowPositionals:!0,strict:!0,options:$}),[o,...a]=n;if(e.help||!o)return"help";if(!w.includes(o)){let d=p(o,w);throw s.one("command line",`unknown command "${o}"; ${d?`did you mean "${d}"? `:""}use run, compare, validate or render (see --help)`)}let r=[e.replay&&"replay",e.record&&"record",e["no-cache"]&&"off"].filter(Boolean);if(r.length>1)throw s.one("command line","use only one of --replay, --record and --no-cache");let i=e.format??(o==="render"?"md":"plain");if(!["md","summary","plain"].includes(i))throw s.one("command line",`--format must be md, summary or plain, got "${i}"`);let c;if(e.concurrency!==void 0&&(c=e.concurrency==="auto"?"auto":y("--concurrency",e.concurrency,1e3)),o==="compare"&&!e.base)throw s.one("command line","compare needs --base REF (e.g. --base origin/main)");if(o==="render"&&!a[0])throw s.one("command line","render needs the path of a report.json");return{command:o,config:e.config,suites:e.suite??[],repeats:y("--repeats",e.repeats,100),out:e.out,outDir:e["out-dir"]??".promptgate/out",base:e.base,head:e.head,all:e.all??!1,cacheDir:e["cache-dir"],cacheMode:r[0]??"use",concurrency:c,keepGoing:e["keep-going"]??!1,format:i,file:a[0],verbose:e.verbose??!1}}async function k(t){let e=new AbortController,n=new g().addEnv(process.env,["GITHUB_TOKEN","GH_TOKEN"]),o=0,a=r=>{o++,o>1&&process.exit(130),process.stderr.write(`
${r}: stopping; finished samples are kept in the cache and a partial report is written
`),e.abort(new Error(`cancelled (${r})`))};process.on("SIGINT",a),process.on("SIGTERM",a);try{let r=v(t);if(r==="help")return process.stdout.write(`${E}
`),0;let i=r.command==="compare"?h(process.cwd(),r.base,r.head,r.config):void 0;i?.catch(()=>{});let{runCommand:c}=await import("./chunk-OCXF5APL.js");return await c(r,{cwd:process.cwd(),env:process.env,log:f(b(r.verbose),n),redactor:n,stdout:process.stdout,stderr:process.stderr,signal:e.signal,revisions:i})}catch(r){if(r instanceof s){for(let i of r.problems)process.stderr.write(`${n.redact(l(i))}
`);return 2}return r instanceof u?(process.stderr.write(`error: ${n.redact(m(r.message))}
`),3):r instanceof TypeError&&r.code?.startsWith("ERR_PARSE_ARGS")?(process.stderr.write(`command line: ${r.message} (see --help)
`),2):(process.stderr.write(n.redact(`internal error (please report it): ${r instanceof Error?r.stack??r.message:String(r)}
`)),3)}}k(process.argv.slice(2)).then(t=>{process.exitCode=t});
