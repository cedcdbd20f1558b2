#!/usr/bin/env node
import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as b,c as l,d as v,m as R,n as E}from"./chunk-JSLXDVAS.js";import"./chunk-MRXKMUHO.js";import{a as f,b as g,c as s,d as h,e as y,g as w}from"./chunk-6EZH7Y57.js";import{a as m}from"./chunk-ALYHVSGN.js";var F=m("node:fs"),$=F.readFileSync;var x=m("node:module"),C=x;function S(o,e,t){return{info:r=>t(`${r}
`),warn:r=>t(`${o.yellow("warning:")} ${r}
`),debug:r=>{e&&t(`${o.dim("debug:")} ${r}
`)}}}var A=m("node:util"),j=A.parseArgs;var u=`promptgate \u2014 measure prompt changes

Usage:
  promptgate init
  promptgate run      [--config F] [--suite NAME]... [--repeats N] [--out results.json]
  promptgate compare  --base REF [--head REF] [--config F] [--out-dir DIR] [--all] [--repeats N] [--shard I/N]
  promptgate merge    DIR... [--out-dir DIR]
  promptgate validate [--config F]
  promptgate render   REPORT.json [--format md|summary|plain|html]
  promptgate drift    [--config F] [--suite NAME]... [--baseline DIR] [--accept] [--out-dir DIR]

  init                   write promptgate.yml, a starter dataset per prompt and the PR workflow
  compare --shard I/N    evaluate shard I of N (cases split by id) into DIR/promptgate-shard-I-of-N.json
  merge DIR...           combine every shard's partial result into the one report (and the gate)
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

Exit codes: 0 gate passed, 1 gate failed, 2 invalid config or input, 3 could not finish.`;function I(o,e,t){if(e===void 0)return;let r=Number(e);if(!Number.isInteger(r)||r<1||r>t)throw s.one("command line",`${o} must be a whole number from 1 to ${t}, got "${e}"`);return r}var N=["init","run","compare","merge","validate","render","drift"],D={run:["plain","json"],compare:["plain","json"],merge:["plain","json"],drift:["plain","json"],render:["md","summary","plain","html"]};function L(o,e){let t=o;if(!(t instanceof TypeError)||!t.code?.startsWith("ERR_PARSE_ARGS"))return;let r=/Unknown option '(-{1,2}[^']+)'/.exec(t.message)?.[1];if(r){let a=l(r.replace(/^-+/,""),e);return s.one("command line",`unknown option ${r}; ${a?`did you mean --${a}?`:"see --help for the options"}`)}return s.one("command line",`${t.message.split(". ")[0]}; see --help`)}function O(o){try{return M(o)}catch(e){throw L(e,Object.keys(k))??e}}var k={config:{type:"string",short:"c"},suite:{type:"string",multiple:!0},repeats:{type:"string"},out:{type:"string"},"out-dir":{type:"string"},base:{type:"string"},head:{type:"string"},all:{type:"boolean"},"cache-dir":{type:"string"},replay:{type:"boolean"},record:{type:"boolean"},"no-cache":{type:"boolean"},concurrency:{type:"string"},"keep-going":{type:"boolean"},format:{type:"string"},junit:{type:"string"},shard:{type:"string"},baseline:{type:"string"},accept:{type:"boolean"},version:{type:"boolean"},verbose:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"}};function M(o){let{values:e,positionals:t}=j({args:o,allowPositionals:!0,strict:!0,options:k}),[r,...a]=t;if(e.help)return"help";if(e.version)return"version";if(!r)return"usage";if(!N.includes(r)){let d=l(r,N);throw s.one("command line",`unknown command "${r}"; ${d?`did you mean "${d}"? `:""}use init, run, compare, merge, validate, render or drift (see --help)`)}let i=[e.replay&&"replay",e.record&&"record",e["no-cache"]&&"off"].filter(Boolean);if(i.length>1)throw s.one("command line","use only one of --replay, --record and --no-cache");let n=P(r,e.format);if(e.junit!==void 0&&r!=="run"&&r!=="compare"&&r!=="merge")throw s.one("command line","--junit applies to run, compare and merge");if(e.shard!==void 0&&r!=="compare")throw s.one("command line","--shard applies to compare");if(e.shard!==void 0&&e.junit!==void 0)throw s.one("command line","--junit applies to the merged report: give it to merge, not to a shard");let c=e.shard===void 0?void 0:v(e.shard,"command line"),p;if(e.concurrency!==void 0&&(p=e.concurrency==="auto"?"auto":I("--concurrency",e.concurrency,1e3)),r==="compare"&&!e.base)throw s.one("command line","compare needs --base REF (e.g. --base origin/main)");if(r==="drift"&&i.length)throw s.one("command line","drift reads the baseline and always calls the model: --replay, --record and --no-cache do not apply");if(r!=="drift"&&(e.baseline!==void 0||e.accept))throw s.one("command line","--baseline and --accept apply to drift");if(r==="render"&&!a[0])throw s.one("command line","render needs the path of a report.json");if(r==="merge"&&!a.length)throw s.one("command line","merge needs the directories the shards wrote (e.g. merge shards/)");return{command:r,config:e.config,suites:e.suite??[],repeats:I("--repeats",e.repeats,100),out:e.out,outDir:e["out-dir"]??".promptgate/out",base:e.base,head:e.head,all:e.all??!1,cacheDir:e["cache-dir"],cacheMode:i[0]??"use",concurrency:p,keepGoing:e["keep-going"]??!1,format:n,junit:e.junit,file:a[0],paths:a,shard:c,verbose:e.verbose??!1,baseline:e.baseline??".promptgate/baseline",accept:e.accept??!1}}function P(o,e){let t=D[o];if(!t){if(e===void 0)return"plain";throw s.one("command line","--format applies to run, compare and render")}let r=e??t[0];if(!t.includes(r)){let a=`${t.slice(0,-1).join(", ")}${t.length>2?",":""} or ${t.at(-1)}`;throw s.one("command line",`--format for ${o} must be ${a}, got "${r}"`)}return r}function G(){return JSON.parse($(new URL("../package.json",import.meta.url),"utf8")).version}async function T(o){let e=b(process.stderr,process.env),t=new AbortController,r=new y().addEnv(process.env,["GITHUB_TOKEN","GH_TOKEN"]),a=0,i=n=>{a++,a>1&&process.exit(130),process.stderr.write(`
${n}: stopping; finished samples are kept in the cache and a partial report is written
`),t.abort(new Error(`cancelled (${n})`))};process.on("SIGINT",i),process.on("SIGTERM",i);try{let n=O(o);if(n==="help"||n==="version")return process.stdout.write(`${n==="help"?u:`promptgate ${G()}`}
`),0;if(n==="usage")return process.stderr.write(`${u}
`),2;let c=n.command==="compare"?R(process.cwd(),n.base,n.head,n.config):void 0;c?.catch(()=>{});let{runCommand:p}=await import("./chunk-DS7B56G5.js");return await p(n,{cwd:process.cwd(),env:process.env,log:w(S(e,n.verbose,d=>process.stderr.write(d)),r),redactor:r,stdout:process.stdout,stderr:process.stderr,signal:t.signal,revisions:c})}catch(n){if(n instanceof s){for(let c of n.problems)process.stderr.write(`${r.redact(g(c))}
`);return 2}return n instanceof h?(process.stderr.write(`${e.red("error:")} ${r.redact(f(n.message))}
`),3):n instanceof TypeError&&n.code?.startsWith("ERR_PARSE_ARGS")?(process.stderr.write(`command line: ${n.message} (see --help)
`),2):(process.stderr.write(r.redact(`internal error (please report it): ${n instanceof Error?n.stack??n.message:String(n)}
`)),3)}}C.enableCompileCache?.();E();T(process.argv.slice(2)).then(o=>{process.exitCode=o,_(o)});function _(o){let e=[process.stdout,process.stderr].filter(a=>a.writableLength>0),t=e.length,r=()=>{--t<=0&&process.exit(o)};if(!t)return r();for(let a of e)a.write("",r)}
