import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as te,b as ue}from"./chunk-PYDSPOPE.js";import{a as pe,b as x,c as I,d as me,e as ce,g as N,h as W,i as D,j as M}from"./chunk-QNB2OOF7.js";import{d as V,e as Z,f as Q,l as ee,m as se,n as T,o as ne,q as oe,r as ie,s as ae}from"./chunk-J2EXYRF2.js";import{a as $,b as O}from"./chunk-BUX5ENGT.js";import"./chunk-XXRRIIEN.js";import{c as P}from"./chunk-CAXDLL7L.js";import{f as _,m as re,n as E,p as F,q as w,z as le}from"./chunk-6DTOQERU.js";import{a as S,b as B,c}from"./chunk-GGTPKJU3.js";import"./chunk-5SILH6BQ.js";import{mkdir as lt,writeFile as ft}from"node:fs/promises";import{dirname as dt,join as v,resolve as q}from"node:path";var J=4e3,fe=1e3,Ee=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function Fe(t){return t.replace(Ee,e=>`\\u${e.charCodeAt(0).toString(16).padStart(4,"0")}`)}function G(t){return Fe(t).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function l(t){return G(t).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function Te(t){let e=t.replace(/\s*\n\s*/g," ");return e.length>fe?`${e.slice(0,fe)}…`:e}function xe(t){let e=[`name="${l(t.name)}"`,`classname="${l(t.classname)}"`];t.file&&e.push(`file="${l(t.file)}"`),t.line&&e.push(`line="${t.line}"`);let n=`    <testcase ${e.join(" ")}`,s=t.outcome;if(s.kind==="pass")return s.out?`${n}>
      <system-out>${G(s.out)}</system-out>
    </testcase>`:`${n}/>`;if(s.kind==="skipped")return`${n}>
      <skipped message="${l(s.message)}"/>
    </testcase>`;let r=l(Te(s.message));return`${n}>
      <${s.kind} type="${l(s.type)}" message="${r}">${G(s.body)}</${s.kind}>
    </testcase>`}function Ie(t,e,n){let s=a=>e.filter(p=>p.outcome.kind===a).length,r=`name="${l(t)}" tests="${e.length}" failures="${s("failure")}" errors="${s("error")}" skipped="${s("skipped")}"`,o=n.length?`    <properties>
${n.map(([a,p])=>`      <property name="${l(a)}" value="${l(p)}"/>`).join(`
`)}
    </properties>
`:"",i=e.map(xe).join(`
`);return`  <testsuite ${r}>
${o}${i}${i?`
`:""}  </testsuite>`}function de(t){let e=t.flatMap(o=>o.cases),n=o=>e.filter(i=>i.outcome.kind===o).length,s=`<testsuites name="promptgate" tests="${e.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}">`,r=t.map(o=>Ie(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${s}
${r}${r?`
`:""}</testsuites>
`}function Ne(t){return(t??[]).map(e=>typeof e=="string"?e:"code"in e?e.code:e.strong).join("")}function We(t,e){let n=e.source?{file:e.source.file,line:e.source.line}:{},s=`passed ${I(e.base)} → ${I(e.head)}`,r={name:e.id,classname:t.name,...n};if(e.change==="regressed"){let o=Ne(me(e)),i=e.base.output===e.head.output?`output (identical on both sides):
${x(e.head.output,J)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${ce(e.base.output,e.head.output,{maxChars:J})}`;return{...r,outcome:{kind:"failure",type:"regressed",message:`regressed: ${s}${o?` — ${o}`:""}`,body:i}}}if(e.change==="error"){let o=`errors: base ${e.base.errors??0}, head ${e.head.errors??0}`,i=e.head.runs===0?e.head.output:e.base.output;return{...r,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...r,outcome:{kind:"pass",out:`${e.change}: ${s}`}}}function De(t){let e={name:"gate",classname:t.name},n=t.reasons.join(`
`);return t.status==="error"?{...e,outcome:{kind:"error",type:"error",message:t.error??"the suite could not run",body:t.error??""}}:t.status==="skipped"||t.status==="removed"?{...e,outcome:{kind:"skipped",message:n||`suite ${t.status}`}}:t.verdict==="fail"?{...e,outcome:{kind:"failure",type:"gate",message:n||"the gate failed",body:n}}:{...e,outcome:{kind:"pass",out:`${t.verdict}${n?`: ${n}`:""}`}}}function ge(t){return de(t.suites.map(e=>({name:e.name,cases:[De(e),...e.caseResults.map(n=>We(e,n))],properties:[["status",e.status],["verdict",e.verdict],["repeats",String(e.repeats)],["base",`${t.base.ref} ${t.base.sha}`],["head",`${t.head.ref} ${t.head.sha}`]]})))}function Me(t,e){let n={name:e.id,classname:t.name,file:e.source.file,line:e.source.line},s=e.samples.filter(p=>p.call&&p.error===void 0);if(s.length===0){let p=e.samples.find(u=>u.error!==void 0)?.error??"no sample ran";return{...n,outcome:{kind:"error",type:"error",message:p,body:p}}}let r=s.filter(p=>!p.hardPass);if(r.length===0)return{...n,outcome:{kind:"pass"}};let o=r[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...n,outcome:{kind:"failure",type:"assertion",message:`failed ${r.length} of ${w(s.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${x(o.call?.output??"",J)}`}}}function he(t){return de(t.suites.map(e=>({name:e.name,cases:e.run.cases.map(n=>Me(e,n)),properties:[["model",e.model],["repeats",String(e.repeats)]]})))}async function ye(t,e,n,s){let{suites:r,warnings:o}=await ae(t,e,n,s),i=[...o],a=[],p=await Z(r.flatMap(m=>m.cases.flatMap(h=>h.assert))),u=await ne(r.map(m=>({prompt:m.prompt,cases:m.cases})),s.sandbox??se()),g=0;for(let[m,h]of r.entries()){for(let[A,R]of h.cases.entries()){g++;let K=u[m][A];"problems"in K&&i.push(...K.problems);for(let X of R.assert){let z=V(X,{schemas:p});z&&i.push({file:R.source.file,line:R.source.line,message:`case ${R.id}: ${X.type}: ${z}`})}}for(let A of h.unsupported)a.push({file:h.prompt.file,message:`suite ${h.name}: ${A}`})}let k=i.filter(m=>!o.includes(m));if(k.length&&!s.keepGoing)throw new c(k);let j=[...i,...a];for(let m of j)s.onWarning?.(m);let _e=j.length?`, ${j.length} warning(s)`:"";return`ok — ${r.length} suite(s), ${g} case(s)${_e}`}import{readFile as Je}from"node:fs/promises";import{resolve as Ge}from"node:path";var H="give the path of a report.json written by `promptgate compare`",f=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);function He(t){if(!f(t))return"not a JSON object";if(t.kind==="run"||Array.isArray(t.suites)&&t.suites.some(s=>f(s)&&"run"in s))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(t.version!==1)return`not a promptgate report.json (version ${JSON.stringify(t.version??null)}, expected 1)`;let e=["verdict","base","head","suites","calls","gate"].filter(s=>t[s]===void 0);if(e.length)return`not a promptgate report.json (no ${e.map(s=>`\`${s}\``).join(", ")})`;if(!Array.isArray(t.suites)||!f(t.calls)||!f(t.gate)||!f(t.base)||!f(t.head))return"not a promptgate report.json (fields of the wrong type)";let n=t.suites.findIndex(s=>!f(s)||typeof s.name!="string"||typeof s.status!="string"||!Array.isArray(s.caseResults)||!Array.isArray(s.reasons));if(n>=0)return`not a promptgate report.json (suites[${n}] is incomplete)`}async function $e(t,e){let n;try{n=await Je(Ge(t,e),"utf8")}catch(o){let i=o.code;throw c.one(e,`${i==="ENOENT"?"file not found":`cannot read the file (${i??o.message})`}; ${H}`)}let s;try{s=JSON.parse(n)}catch(o){throw c.one(e,`not JSON (${o.message}); ${H}`)}let r=He(s);if(r)throw c.one(e,`${r}; ${H}`);return s}function we(t){let e=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],n=t.map(o=>{let i=ee(o.cases,o.cases),a=o.cases.reduce((p,u)=>p+u.samples.length,0);return[o.name,String(o.cases.length),String(a),_(i.passRate),_(i.softPassRate),`${F(i.tokens.input)}/${F(i.tokens.output)}`,re(i.costUsd,i.costEstimated),E(i.latencyP50Ms),E(i.latencyP95Ms),String(i.errors)]}),s=e.map((o,i)=>Math.max(o.length,...n.map(a=>a[i].length))),r=o=>o.map((i,a)=>a===0?i.padEnd(s[a]):i.padStart(s[a])).join("  ");return`${[r(e),r(s.map(o=>"-".repeat(o))),...n.map(r)].join(`
`)}
`}var Le=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,L="  │ ";function be(t,e,n){if(!n.enabled)return t;let s=t.split(`
`),r=s.length-(s.at(-1)===""?2:1),o="none",i=-1;return s.map((a,p)=>p===0?n.bold(O(n,e)(a)):a===""?(o="none",a):p===r?n.dim(a):o==="table"?Ue(a,i,n):o==="prompt-diff"?Ye(a,n):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),n.bold(a)):Le.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),n.bold(a)):a.startsWith(L)?L+qe(a.slice(L.length),n):a).join(`
`)}function Ue(t,e,n){let s=[...t];if(e<0||s.length<=e)return t;let r=s.slice(e).join(""),o=/^\S+(?: \(\w+\))?/.exec(r)?.[0];return o?s.slice(0,e).join("")+O(n,o.replace(/^added \(|\)$/g,""))(o)+r.slice(o.length):t}function Ye(t,e){let n=t.slice(2);return n.startsWith("@@")?e.dim(t):n.startsWith("---")||n.startsWith("+++")?e.bold(t):n.startsWith("-")?e.red(t):n.startsWith("+")?e.green(t):t}function qe(t,e){return t.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(n,s)=>s!==void 0?e.red(n):e.green(n))}import{mkdir as at,stat as pt,writeFile as ut}from"node:fs/promises";import{dirname as mt,join as Y}from"node:path";var Ke="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",ve=".github/workflows/promptgate.yml",ke=`name: promptgate
on:
  pull_request:
permissions:
  contents: read        # read the repository and its history
  pull-requests: write  # the sticky PR comment
  checks: write         # the check run with annotations on regressed cases
concurrency:
  group: promptgate-\${{ github.event.pull_request.number }}
  cancel-in-progress: true
jobs:
  promptgate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # promptgate diffs the PR's base and head commits
      - id: promptgate
        uses: promptgate/promptgate@v1
        env:
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
      - if: always() && steps.promptgate.outputs.report-path != ''
        uses: actions/upload-artifact@v4
        with:
          name: promptgate-report
          path: |
            \${{ steps.promptgate.outputs.report-path }}
            \${{ steps.promptgate.outputs.report-html-path }}
`;function b(t){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(t)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(t)?t:JSON.stringify(t)}var d=t=>t.replace(/[\r\n]+/g," "),Xe=`# yaml-language-server: $schema=${Ke}
# promptgate configuration, written by \`promptgate init\`. Every key is described in the
# README ("Configuration: promptgate.yml"); the schema line above lets editors complete and
# check the keys. Thresholds and provider settings are always read from the pull request's
# base revision, so a PR cannot loosen the gate it is judged by.
version: 1

# The model both sides of a pull request are evaluated with; any OpenAI-compatible endpoint.
provider:
  model: gpt-4.1-mini
  base_url: https://api.openai.com/v1
  api_key_env: OPENAI_API_KEY # the variable holding the key (a repository secret in CI)
  temperature: 0
  max_tokens: 512

run:
  repeats: 3 # samples per case per side; more repeats detect smaller changes
  concurrency: auto # learns the provider's rate limit
  max_cost_usd: 5 # spend cap for one run, both sides together

cache:
  dir: .promptgate/cache # model answers, so reruns cost nothing; add it to .gitignore
`,ze=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function Be(t){let e=t.variables.length?`variables: ${t.variables.map(d).join(", ")}`:"no variables";return`  # ${d(t.file)} (${t.format}; ${e})
  - name: ${b(t.name)}
    prompt: ${b(t.file)}
    cases: ${b(t.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var Ve=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function Re(t,e,n,s){let r=[];e.length&&r.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...e.map(a=>`#   ${d(a)}`)),n.length&&r.push("# Looked like prompts but did not parse (fix them, then add a suite):",...n.map(a=>`#   ${d(a.file)}: ${d(a.why)}`)),s>0&&r.push(`# ${s} more prompt files were found; add suites for them by hand.`);let o=t.length?t.map(Be).join(`
`):Ve;return`${`${Xe}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${r.length?`${r.join(`
`)}
`:""}suites:${t.length?"":" []"}
${o}${ze}`}function Ze(t){let e={};for(let n of t){let s=n.split("."),r=e;s.forEach((o,i)=>{i===s.length-1?r[o]??=`TODO: a value for {{${n}}}`:r=r[o]=typeof r[o]=="object"&&r[o]!==null?r[o]:{}})}return"expected"in e||(e.expected="TODO: what a correct answer contains"),e}function Se(t,e){return Object.entries(t).map(([n,s])=>typeof s=="object"&&s!==null?`${e}${b(n)}:
${Se(s,`${e}  `)}`:`${e}${b(n)}: ${JSON.stringify(s)}`).join(`
`)}function Pe(t){let e=Se(Ze(t.variables),"    ");return`# Cases for suite \`${d(t.name)}\` (${d(t.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${e}
`}var C="promptgate.yml",U=".github/promptgate.yml",Qe=50,et=/\.(prompty|prompt)$/i,tt=/\.(md|txt|json|ya?ml)$/i,rt=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function st(t){if(T(t)||et.test(t))return!0;if(!tt.test(t)||t.startsWith(".github/")||t===C)return!1;let e=t.split("/"),n=e.at(-1);return rt.test(n)||e.some(s=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(s))?!1:e.some(s=>/prompt/i.test(s))}function nt(t){return t.problems?.[0]?.message??(t instanceof Error?t.message:String(t))}async function ot(t){let e=[],n=[],s=[];for(let r of(await t.list()).filter(st)){if(T(r)){n.push(r);continue}let o=await t.read(r);if(o!==void 0)try{let i=ie(r,o);if(i.format==="template"&&i.variables.length===0)continue;e.push({file:r,format:i.format,variables:i.variables})}catch(i){if(oe(r)==="chat")continue;s.push({file:r,why:nt(i)})}}return{prompts:e,promptYml:n,skipped:s}}function it(t){let e=(s,r)=>s.replace(/\.[^./]+$/,"").split("/").slice(-r).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",n=t.map(s=>e(s,1));for(let s=2;s<=8;s++){let r=new Set(n.filter((o,i)=>n.indexOf(o)!==i));if(r.size===0)break;t.forEach((o,i)=>{r.has(n[i])&&(n[i]=e(o,s))})}return n.map((s,r)=>n.indexOf(s)===r?s:`${s}-${r+1}`)}async function Ce(t){let e=await ot(t),n=e.prompts.slice(0,Qe),s=it(n.map(i=>i.file)),r=n.map((i,a)=>({...i,name:s[a],cases:`evals/${s[a]}.yaml`})),o=[{path:C,text:Re(r,e.promptYml,e.skipped,e.prompts.length-n.length)},...r.map(i=>({path:i.cases,text:Pe(i)})),{path:ve,text:ke}];return{suites:r,promptYml:e.promptYml,skipped:e.skipped,files:o}}async function ct(t){try{return await pt(t),!0}catch{return!1}}async function je(t){let e=await Ce(new P(t.cwd)),n=[...e.files.map(r=>r.path),U];for(let r of n){if(!await ct(Y(t.cwd,r)))continue;let o=r===U?`a config already exists (init writes ${C})`:"already exists";throw c.one(r,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let r of e.files){await at(mt(Y(t.cwd,r.path)),{recursive:!0});try{await ut(Y(t.cwd,r.path),r.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:c.one(r.path,"already exists; `promptgate init` never overwrites a file")}t.stdout.write(`wrote ${r.path}
`)}let s=e.suites.length?`${w(e.suites.length,"suite")}: ${e.suites.map(r=>`${r.name} (${r.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";t.stdout.write(`${s}
`),e.promptYml.length&&t.stdout.write(`${w(e.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let r of e.skipped)t.log.warn(`${r.file}: not added, it does not parse as a prompt: ${r.why}`);return t.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}function gt(t){return t.cancelled||t.stopped?3:t.verdict==="fail"?1:0}async function y(t,e){await lt(dt(t),{recursive:!0}),await ft(t,e)}function ht(t){let e=0,n=0,s="";for(let r of t)for(let o of r.cases)for(let i of o.samples)n++,i.error!==void 0&&(e++,s||(s=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${r.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return e?S(`${e} of ${n} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${s}`):""}async function $r(t,e){switch(t.command){case"validate":return yt(t,e);case"run":return $t(t,e);case"compare":return wt(t,e);case"render":return vt(t,e);case"init":return je(e)}}function Ae(t,e){let n=le(e.stderr);return{options:{cwd:e.cwd,configPath:t.config,repeatsOverride:t.repeats,cacheDir:t.cacheDir,cacheMode:t.cacheMode,concurrency:t.concurrency,keepGoing:t.keepGoing,env:e.env,log:e.log,signal:e.signal,onProgress:n.update},progress:n}}async function yt(t,e){let n=new P(e.cwd),{config:s,file:r}=await Q(n,t.config),o=await ye(n,s,r,{keepGoing:t.keepGoing,onWarning:i=>e.log.warn(B(i))});return e.stdout.write(`${r??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function $t(t,e){let{options:n,progress:s}=Ae(t,e),r=await ue({...n,suites:t.suites});s.finish();let o=r.sides[0],i=te({configFile:r.configFile,runs:o,calls:r.calls,stopped:r.stopped,pricing:r.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(t.format==="json")e.stdout.write(a);else{let u=$(e.stdout,e.env),[g="",...k]=we(o).split(`
`);e.stdout.write([u.bold(g),...k].join(`
`)),e.stdout.write(u.dim(`calls: ${r.calls.made} made, ${r.calls.cached} from cache, ${r.calls.failed} failed`)+`
`)}if(t.out&&(await y(q(e.cwd,t.out),a),e.log.info(`wrote ${t.out}`)),t.junit&&await Oe(t.junit,he(i),e),r.stopped)return e.stderr.write(`${$(e.stderr,e.env).red("error:")} run stopped early: ${S(r.stopped)}
`),3;for(let u of r.suites)for(let g of u.unsupported)e.log.warn(`${u.prompt.file}: suite ${u.name}: ${g}`);let p=ht(o);return p&&e.log.warn(p),0}async function wt(t,e){let{options:n,progress:s}=Ae(t,e),{report:r}=await pe({...n,base:t.base,head:t.head,all:t.all,revisions:e.revisions});s.finish();let o=q(e.cwd,t.outDir),i=`${JSON.stringify(r,null,2)}
`;await y(v(o,"report.json"),i),await y(v(o,"report.md"),N(r)),await y(v(o,"summary.md"),W(r)),await y(v(o,"report.html"),M(r)),t.format==="json"?e.stdout.write(i):e.stdout.write(be(D(r),r.verdict,$(e.stdout,e.env))),e.log.info(`wrote ${v(t.outDir,"report.md")}, summary.md, report.json and report.html`),t.junit&&await Oe(t.junit,ge(r),e);let a=gt(r),p=$(e.stderr,e.env);return r.stopped?e.stderr.write(`${a===3?p.red("error:"):p.yellow("warning:")} run stopped early: ${S(r.stopped)}; the report covers what ran
`):r.calls.failed&&e.log.warn(`${r.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),a}async function Oe(t,e,n){await y(q(n.cwd,t),e),n.log.info(`wrote ${t}`)}var bt={summary:W,plain:D,md:N,html:M};async function vt(t,e){let n=await $e(e.cwd,t.file),s=bt[t.format](n);return e.stdout.write(s.endsWith(`
`)?s:`${s}
`),0}export{gt as exitCodeFor,ht as failedSamples,$r as runCommand};
