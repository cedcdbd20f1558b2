#!/usr/bin/env node
import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as g}from"./chunk-XXRRIIEN.js";import{a as c}from"./chunk-CAXDLL7L.js";import{a as m,b as l,c as s,d as u}from"./chunk-GGTPKJU3.js";import"./chunk-5SILH6BQ.js";function f(n=!1){return{info:e=>process.stderr.write(`${e}
`),warn:e=>process.stderr.write(`warning: ${e}
`),debug:e=>{n&&process.stderr.write(`debug: ${e}
`)}}}import{parseArgs as v}from"node:util";var y=`promptgate — measure prompt changes

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

Exit codes: 0 gate passed, 1 gate failed, 2 invalid config or input, 3 could not finish.`;function h(n,e,t){if(e===void 0)return;let o=Number(e);if(!Number.isInteger(o)||o<1||o>t)throw s.one("command line",`${n} must be a whole number from 1 to ${t}, got "${e}"`);return o}var b=["run","compare","validate","render"];function $(n,e){let t=n;if(!(t instanceof TypeError)||!t.code?.startsWith("ERR_PARSE_ARGS"))return;let o=/Unknown option '(-{1,2}[^']+)'/.exec(t.message)?.[1];if(o){let r=c(o.replace(/^-+/,""),e);return s.one("command line",`unknown option ${o}; ${r?`did you mean --${r}?`:"see --help for the options"}`)}return s.one("command line",`${t.message.split(". ")[0]}; see --help`)}function w(n){try{return C(n)}catch(e){throw $(e,Object.keys(E))??e}}var E={config:{type:"string",short:"c"},suite:{type:"string",multiple:!0},repeats:{type:"string"},out:{type:"string"},"out-dir":{type:"string"},base:{type:"string"},head:{type:"string"},all:{type:"boolean"},"cache-dir":{type:"string"},replay:{type:"boolean"},record:{type:"boolean"},"no-cache":{type:"boolean"},concurrency:{type:"string"},"keep-going":{type:"boolean"},format:{type:"string"},verbose:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}};function C(n){let{values:e,positionals:t}=v({args:n,allowPositionals:!0,strict:!0,options:E}),[o,...r]=t;if(e.help||!o)return"help";if(!b.includes(o)){let d=c(o,b);throw s.one("command line",`unknown command "${o}"; ${d?`did you mean "${d}"? `:""}use run, compare, validate or render (see --help)`)}let a=[e.replay&&"replay",e.record&&"record",e["no-cache"]&&"off"].filter(Boolean);if(a.length>1)throw s.one("command line","use only one of --replay, --record and --no-cache");let i=e.format??(o==="render"?"md":"plain");if(!["md","summary","plain"].includes(i))throw s.one("command line",`--format must be md, summary or plain, got "${i}"`);let p;if(e.concurrency!==void 0&&(p=e.concurrency==="auto"?"auto":h("--concurrency",e.concurrency,1e3)),o==="compare"&&!e.base)throw s.one("command line","compare needs --base REF (e.g. --base origin/main)");if(o==="render"&&!r[0])throw s.one("command line","render needs the path of a report.json");return{command:o,config:e.config,suites:e.suite??[],repeats:h("--repeats",e.repeats,100),out:e.out,outDir:e["out-dir"]??".promptgate/out",base:e.base,head:e.head,all:e.all??!1,cacheDir:e["cache-dir"],cacheMode:a[0]??"use",concurrency:p,keepGoing:e["keep-going"]??!1,format:i,file:r[0],verbose:e.verbose??!1}}async function R(n){let e=new AbortController,t=0,o=r=>{t++,t>1&&process.exit(130),process.stderr.write(`
${r}: stopping; finished samples are kept in the cache and a partial report is written
`),e.abort(new Error(`cancelled (${r})`))};process.on("SIGINT",o),process.on("SIGTERM",o);try{let r=w(n);if(r==="help")return process.stdout.write(`${y}
`),0;let a=r.command==="compare"?g(process.cwd(),r.base,r.head,r.config):void 0;a?.catch(()=>{});let{runCommand:i}=await import("./chunk-XECRJ6BL.js");return await i(r,{cwd:process.cwd(),env:process.env,log:f(r.verbose),stdout:process.stdout,stderr:process.stderr,signal:e.signal,revisions:a})}catch(r){if(r instanceof s){for(let a of r.problems)process.stderr.write(`${l(a)}
`);return 2}return r instanceof u?(process.stderr.write(`error: ${m(r.message)}
`),3):r instanceof TypeError&&r.code?.startsWith("ERR_PARSE_ARGS")?(process.stderr.write(`command line: ${r.message} (see --help)
`),2):(process.stderr.write(`internal error (please report it): ${r instanceof Error?r.stack??r.message:String(r)}
`),3)}}R(process.argv.slice(2)).then(n=>{process.exitCode=n});
