import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as le,d as fe}from"./chunk-K4RQAEJ5.js";import{a as te}from"./chunk-PAXVUJOU.js";import{a as pe}from"./chunk-7CSYQGP5.js";import{b as ae,d as N,g as x,h as me,k as ue,v as D,w as W,x as j,y as M}from"./chunk-WCUH77FX.js";import{g as V,h as Z,i as Q,o as ee,q as T,r as se,s as ne,t as oe,u as ie}from"./chunk-DFJDRJU4.js";import{a as d,b as O}from"./chunk-BUX5ENGT.js";import"./chunk-G42CCWHM.js";import{c as P}from"./chunk-CAXDLL7L.js";import{f as F,m as re,n as _,p as E,q as C,y as I,z as ce}from"./chunk-ILI3XWUP.js";import{a as w,b as B,c}from"./chunk-GGTPKJU3.js";import"./chunk-5SILH6BQ.js";import{mkdir as ht,writeFile as yt}from"node:fs/promises";import{dirname as $t,join as R,resolve as K}from"node:path";var J=4e3,de=1e3,Ee=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function Te(t){return t.replace(Ee,e=>`\\u${e.charCodeAt(0).toString(16).padStart(4,"0")}`)}function L(t){return Te(t).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function f(t){return L(t).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function Ie(t){let e=t.replace(/\s*\n\s*/g," ");return e.length>de?`${e.slice(0,de)}…`:e}function Ne(t){let e=[`name="${f(t.name)}"`,`classname="${f(t.classname)}"`];t.file&&e.push(`file="${f(t.file)}"`),t.line&&e.push(`line="${t.line}"`);let n=`    <testcase ${e.join(" ")}`,r=t.outcome;if(r.kind==="pass")return r.out?`${n}>
      <system-out>${L(r.out)}</system-out>
    </testcase>`:`${n}/>`;if(r.kind==="skipped")return`${n}>
      <skipped message="${f(r.message)}"/>
    </testcase>`;let s=f(Ie(r.message));return`${n}>
      <${r.kind} type="${f(r.type)}" message="${s}">${L(r.body)}</${r.kind}>
    </testcase>`}function xe(t,e,n){let r=a=>e.filter(p=>p.outcome.kind===a).length,s=`name="${f(t)}" tests="${e.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}"`,o=n.length?`    <properties>
${n.map(([a,p])=>`      <property name="${f(a)}" value="${f(p)}"/>`).join(`
`)}
    </properties>
`:"",i=e.map(Ne).join(`
`);return`  <testsuite ${s}>
${o}${i}${i?`
`:""}  </testsuite>`}function ge(t){let e=t.flatMap(o=>o.cases),n=o=>e.filter(i=>i.outcome.kind===o).length,r=`<testsuites name="promptgate" tests="${e.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}">`,s=t.map(o=>xe(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${r}
${s}${s?`
`:""}</testsuites>
`}function De(t){return(t??[]).map(e=>typeof e=="string"?e:"code"in e?e.code:e.strong).join("")}function We(t,e){let n=e.source?{file:e.source.file,line:e.source.line}:{},r=`passed ${x(e.base)} → ${x(e.head)}`,s={name:e.id,classname:t.name,...n};if(e.change==="regressed"){let o=De(me(e)),i=e.base.output===e.head.output?`output (identical on both sides):
${N(e.head.output,J)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${ue(e.base.output,e.head.output,{maxChars:J})}`;return{...s,outcome:{kind:"failure",type:"regressed",message:`regressed: ${r}${o?` — ${o}`:""}`,body:i}}}if(e.change==="error"){let o=`errors: base ${e.base.errors??0}, head ${e.head.errors??0}`,i=e.head.runs===0?e.head.output:e.base.output;return{...s,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...s,outcome:{kind:"pass",out:`${e.change}: ${r}`}}}function Me(t){let e={name:"gate",classname:t.name},n=t.reasons.join(`
`);return t.status==="error"?{...e,outcome:{kind:"error",type:"error",message:t.error??"the suite could not run",body:t.error??""}}:t.status==="skipped"||t.status==="removed"?{...e,outcome:{kind:"skipped",message:n||`suite ${t.status}`}}:t.verdict==="fail"?{...e,outcome:{kind:"failure",type:"gate",message:n||"the gate failed",body:n}}:{...e,outcome:{kind:"pass",out:`${t.verdict}${n?`: ${n}`:""}`}}}function he(t){return ge(t.suites.map(e=>({name:e.name,cases:[Me(e),...e.caseResults.map(n=>We(e,n))],properties:[["status",e.status],["verdict",e.verdict],["repeats",String(e.repeats)],["base",`${t.base.ref} ${t.base.sha}`],["head",`${t.head.ref} ${t.head.sha}`]]})))}function Je(t,e){let n={name:e.id,classname:t.name,file:e.source.file,line:e.source.line},r=e.samples.filter(p=>p.call&&p.error===void 0);if(r.length===0){let p=e.samples.find(m=>m.error!==void 0)?.error??"no sample ran";return{...n,outcome:{kind:"error",type:"error",message:p,body:p}}}let s=r.filter(p=>!p.hardPass);if(s.length===0)return{...n,outcome:{kind:"pass"}};let o=s[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...n,outcome:{kind:"failure",type:"assertion",message:`failed ${s.length} of ${C(r.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${N(o.call?.output??"",J)}`}}}function ye(t){return ge(t.suites.map(e=>({name:e.name,cases:e.run.cases.map(n=>Je(e,n)),properties:[["model",e.model],["repeats",String(e.repeats)]]})))}async function $e(t,e,n,r){let{suites:s,warnings:o}=await ie(t,e,n,r),i=[...o],a=[],p=await Z(s.flatMap(u=>u.cases.flatMap(l=>l.assert))),m=0;for(let u of s){for(let l of u.cases){m++;try{oe(u.prompt,l)}catch($){if($ instanceof c)i.push(...$.problems);else throw $}for(let $ of l.assert){let z=V($,{schemas:p});z&&i.push({file:l.source.file,line:l.source.line,message:`case ${l.id}: ${$.type}: ${z}`})}}for(let l of u.unsupported)a.push({file:u.prompt.file,message:`suite ${u.name}: ${l}`})}let y=i.filter(u=>!o.includes(u));if(y.length&&!r.keepGoing)throw new c(y);let v=[...i,...a];for(let u of v)r.onWarning?.(u);let _e=v.length?`, ${v.length} warning(s)`:"";return`ok — ${s.length} suite(s), ${m} case(s)${_e}`}import{readFile as Le}from"node:fs/promises";import{resolve as Ge}from"node:path";var G="give the path of a report.json written by `promptgate compare`",g=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);function He(t){if(!g(t))return"not a JSON object";if(t.kind==="run"||Array.isArray(t.suites)&&t.suites.some(r=>g(r)&&"run"in r))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(t.version!==1)return`not a promptgate report.json (version ${JSON.stringify(t.version??null)}, expected 1)`;let e=["verdict","base","head","suites","calls","gate"].filter(r=>t[r]===void 0);if(e.length)return`not a promptgate report.json (no ${e.map(r=>`\`${r}\``).join(", ")})`;if(!Array.isArray(t.suites)||!g(t.calls)||!g(t.gate)||!g(t.base)||!g(t.head))return"not a promptgate report.json (fields of the wrong type)";let n=t.suites.findIndex(r=>!g(r)||typeof r.name!="string"||typeof r.status!="string"||!Array.isArray(r.caseResults)||!Array.isArray(r.reasons));if(n>=0)return`not a promptgate report.json (suites[${n}] is incomplete)`}async function we(t,e){let n;try{n=await Le(Ge(t,e),"utf8")}catch(o){let i=o.code;throw c.one(e,`${i==="ENOENT"?"file not found":`cannot read the file (${i??o.message})`}; ${G}`)}let r;try{r=JSON.parse(n)}catch(o){throw c.one(e,`not JSON (${o.message}); ${G}`)}let s=He(r);if(s)throw c.one(e,`${s}; ${G}`);return r}function be(t){let e=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],n=t.map(o=>{let i=ee(o.cases,o.cases),a=o.cases.reduce((p,m)=>p+m.samples.length,0);return[o.name,String(o.cases.length),String(a),F(i.passRate),F(i.softPassRate),`${E(i.tokens.input)}/${E(i.tokens.output)}`,re(i.costUsd,i.costEstimated),_(i.latencyP50Ms),_(i.latencyP95Ms),String(i.errors)]}),r=e.map((o,i)=>Math.max(o.length,...n.map(a=>a[i].length))),s=o=>o.map((i,a)=>a===0?i.padEnd(r[a]):i.padStart(r[a])).join("  ");return`${[s(e),s(r.map(o=>"-".repeat(o))),...n.map(s)].join(`
`)}
`}var Ue=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,H="  │ ";function S(t,e,n){if(!n.enabled)return t;let r=t.split(`
`),s=r.length-(r.at(-1)===""?2:1),o="none",i=-1;return r.map((a,p)=>p===0?n.bold(O(n,e)(a)):a===""?(o="none",a):p===s?n.dim(a):o==="table"?Ye(a,i,n):o==="prompt-diff"?qe(a,n):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),n.bold(a)):Ue.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),n.bold(a)):a.startsWith(H)?H+Ke(a.slice(H.length),n):a).join(`
`)}function Ye(t,e,n){let r=[...t];if(e<0||r.length<=e)return t;let s=r.slice(e).join(""),o=/^\S+(?: \(\w+\))?/.exec(s)?.[0];return o?r.slice(0,e).join("")+O(n,o.replace(/^added \(|\)$/g,""))(o)+s.slice(o.length):t}function qe(t,e){let n=t.slice(2);return n.startsWith("@@")?e.dim(t):n.startsWith("---")||n.startsWith("+++")?e.bold(t):n.startsWith("-")?e.red(t):n.startsWith("+")?e.green(t):t}function Ke(t,e){return t.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(n,r)=>r!==void 0?e.red(n):e.green(n))}import{mkdir as pt,stat as mt,writeFile as ut}from"node:fs/promises";import{dirname as ct,join as Y}from"node:path";var Xe="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",ve=".github/workflows/promptgate.yml",Ce=`name: promptgate
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
`;function k(t){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(t)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(t)?t:JSON.stringify(t)}var h=t=>t.replace(/[\r\n]+/g," "),ze=`# yaml-language-server: $schema=${Xe}
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
`,Be=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function Ve(t){let e=t.variables.length?`variables: ${t.variables.map(h).join(", ")}`:"no variables";return`  # ${h(t.file)} (${t.format}; ${e})
  - name: ${k(t.name)}
    prompt: ${k(t.file)}
    cases: ${k(t.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var Ze=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function je(t,e,n,r){let s=[];e.length&&s.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...e.map(a=>`#   ${h(a)}`)),n.length&&s.push("# Looked like prompts but did not parse (fix them, then add a suite):",...n.map(a=>`#   ${h(a.file)}: ${h(a.why)}`)),r>0&&s.push(`# ${r} more prompt files were found; add suites for them by hand.`);let o=t.length?t.map(Ve).join(`
`):Ze;return`${`${ze}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${s.length?`${s.join(`
`)}
`:""}suites:${t.length?"":" []"}
${o}${Be}`}function Qe(t){let e={};for(let n of t){let r=n.split("."),s=e;r.forEach((o,i)=>{i===r.length-1?s[o]??=`TODO: a value for {{${n}}}`:s=s[o]=typeof s[o]=="object"&&s[o]!==null?s[o]:{}})}return"expected"in e||(e.expected="TODO: what a correct answer contains"),e}function ke(t,e){return Object.entries(t).map(([n,r])=>typeof r=="object"&&r!==null?`${e}${k(n)}:
${ke(r,`${e}  `)}`:`${e}${k(n)}: ${JSON.stringify(r)}`).join(`
`)}function Re(t){let e=ke(Qe(t.variables),"    ");return`# Cases for suite \`${h(t.name)}\` (${h(t.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${e}
`}var A="promptgate.yml",U=".github/promptgate.yml",et=50,tt=/\.(prompty|prompt)$/i,rt=/\.(md|txt|json|ya?ml)$/i,st=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function nt(t){if(T(t)||tt.test(t))return!0;if(!rt.test(t)||t.startsWith(".github/")||t===A)return!1;let e=t.split("/"),n=e.at(-1);return st.test(n)||e.some(r=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(r))?!1:e.some(r=>/prompt/i.test(r))}function ot(t){return t.problems?.[0]?.message??(t instanceof Error?t.message:String(t))}async function it(t){let e=[],n=[],r=[];for(let s of(await t.list()).filter(nt)){if(T(s)){n.push(s);continue}let o=await t.read(s);if(o!==void 0)try{let i=ne(s,o);if(i.format==="template"&&i.variables.length===0)continue;e.push({file:s,format:i.format,variables:i.variables})}catch(i){if(se(s)==="chat")continue;r.push({file:s,why:ot(i)})}}return{prompts:e,promptYml:n,skipped:r}}function at(t){let e=(r,s)=>r.replace(/\.[^./]+$/,"").split("/").slice(-s).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",n=t.map(r=>e(r,1));for(let r=2;r<=8;r++){let s=new Set(n.filter((o,i)=>n.indexOf(o)!==i));if(s.size===0)break;t.forEach((o,i)=>{s.has(n[i])&&(n[i]=e(o,r))})}return n.map((r,s)=>n.indexOf(r)===s?r:`${r}-${s+1}`)}async function Pe(t){let e=await it(t),n=e.prompts.slice(0,et),r=at(n.map(i=>i.file)),s=n.map((i,a)=>({...i,name:r[a],cases:`evals/${r[a]}.yaml`})),o=[{path:A,text:je(s,e.promptYml,e.skipped,e.prompts.length-n.length)},...s.map(i=>({path:i.cases,text:Re(i)})),{path:ve,text:Ce}];return{suites:s,promptYml:e.promptYml,skipped:e.skipped,files:o}}async function lt(t){try{return await mt(t),!0}catch{return!1}}async function Se(t){let e=await Pe(new P(t.cwd)),n=[...e.files.map(s=>s.path),U];for(let s of n){if(!await lt(Y(t.cwd,s)))continue;let o=s===U?`a config already exists (init writes ${A})`:"already exists";throw c.one(s,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let s of e.files){await pt(ct(Y(t.cwd,s.path)),{recursive:!0});try{await ut(Y(t.cwd,s.path),s.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:c.one(s.path,"already exists; `promptgate init` never overwrites a file")}t.stdout.write(`wrote ${s.path}
`)}let r=e.suites.length?`${C(e.suites.length,"suite")}: ${e.suites.map(s=>`${s.name} (${s.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";t.stdout.write(`${r}
`),e.promptYml.length&&t.stdout.write(`${C(e.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let s of e.skipped)t.log.warn(`${s.file}: not added, it does not parse as a prompt: ${s.why}`);return t.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}import{mkdir as ft,writeFile as Ae}from"node:fs/promises";import{join as q,resolve as dt}from"node:path";async function Oe(t,e,n){let{drift:r,stopped:s}=await le({...n.options,suites:t.suites,baselineDir:t.baseline,accept:t.accept});n.progress.finish();let o=dt(e.cwd,t.outDir);await ft(o,{recursive:!0});let i=`${JSON.stringify(r,null,2)}
`;if(await Ae(q(o,"drift.json"),i),await Ae(q(o,"drift.md"),fe(r)),t.format==="json")e.stdout.write(i);else{let a=d(e.stdout,e.env);e.stdout.write(S(j(r.report),r.report.verdict,a)),e.stdout.write(`${gt(r)}
`)}return e.log.info(`wrote ${q(t.outDir,"drift.json")} and drift.md`),r.accepted?e.log.info(`the fresh answers are the baseline now (${t.baseline})`):r.recorded.length&&e.log.info(`baseline recorded for ${r.recorded.join(", ")} in ${t.baseline}`),s?(e.stderr.write(`${d(e.stderr,e.env).red("error:")} run stopped early: ${w(s)}
`),3):r.verdict==="fail"?1:0}function gt(t){if(!t.models.length)return"Models: nothing compared (no baseline yet)";let e=r=>I(r.join(", ")||"—"),n=(r,s)=>e(r)===e(s)?`${e(r)} (unchanged)`:`${e(r)} → ${e(s)}`;return["Models (baseline → fresh):",...t.models.map(r=>`  ${I(r.suite)}: model ${n(r.baseline.models,r.fresh.models)} · system_fingerprint ${n(r.baseline.fingerprints,r.fresh.fingerprints)}`)].join(`
`)}function wt(t){return t.cancelled||t.stopped?3:t.verdict==="fail"?1:0}async function b(t,e){await ht($t(t),{recursive:!0}),await yt(t,e)}function bt(t){let e=0,n=0,r="";for(let s of t)for(let o of s.cases)for(let i of o.samples)n++,i.error!==void 0&&(e++,r||(r=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${s.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return e?w(`${e} of ${n} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${r}`):""}async function Fr(t,e){switch(t.command){case"validate":return vt(t,e);case"run":return Ct(t,e);case"compare":return jt(t,e);case"render":return Rt(t,e);case"init":return Se(e);case"drift":return Oe(t,e,X(t,e))}}function X(t,e){let n=ce(e.stderr);return{options:{cwd:e.cwd,configPath:t.config,repeatsOverride:t.repeats,cacheDir:t.cacheDir,cacheMode:t.cacheMode,concurrency:t.concurrency,keepGoing:t.keepGoing,env:e.env,log:e.log,signal:e.signal,onProgress:n.update},progress:n}}async function vt(t,e){let n=new P(e.cwd),{config:r,file:s}=await Q(n,t.config),o=await $e(n,r,s,{keepGoing:t.keepGoing,onWarning:i=>e.log.warn(B(i))});return e.stdout.write(`${s??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function Ct(t,e){let{options:n,progress:r}=X(t,e),s=await pe({...n,suites:t.suites});r.finish();let o=s.sides[0],i=te({configFile:s.configFile,runs:o,calls:s.calls,stopped:s.stopped,pricing:s.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(t.format==="json")e.stdout.write(a);else{let m=d(e.stdout,e.env),[y="",...v]=be(o).split(`
`);e.stdout.write([m.bold(y),...v].join(`
`)),e.stdout.write(m.dim(`calls: ${s.calls.made} made, ${s.calls.cached} from cache, ${s.calls.failed} failed`)+`
`)}if(t.out&&(await b(K(e.cwd,t.out),a),e.log.info(`wrote ${t.out}`)),t.junit&&await Fe(t.junit,ye(i),e),s.stopped)return e.stderr.write(`${d(e.stderr,e.env).red("error:")} run stopped early: ${w(s.stopped)}
`),3;for(let m of s.suites)for(let y of m.unsupported)e.log.warn(`${m.prompt.file}: suite ${m.name}: ${y}`);let p=bt(o);return p&&e.log.warn(p),0}async function jt(t,e){let{options:n,progress:r}=X(t,e),{report:s}=await ae({...n,base:t.base,head:t.head,all:t.all,revisions:e.revisions});r.finish();let o=K(e.cwd,t.outDir),i=`${JSON.stringify(s,null,2)}
`;await b(R(o,"report.json"),i),await b(R(o,"report.md"),D(s)),await b(R(o,"summary.md"),W(s)),await b(R(o,"report.html"),M(s)),t.format==="json"?e.stdout.write(i):e.stdout.write(S(j(s),s.verdict,d(e.stdout,e.env))),e.log.info(`wrote ${R(t.outDir,"report.md")}, summary.md, report.json and report.html`),t.junit&&await Fe(t.junit,he(s),e);let a=wt(s),p=d(e.stderr,e.env);return s.stopped?e.stderr.write(`${a===3?p.red("error:"):p.yellow("warning:")} run stopped early: ${w(s.stopped)}; the report covers what ran
`):s.calls.failed&&e.log.warn(`${s.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),a}async function Fe(t,e,n){await b(K(n.cwd,t),e),n.log.info(`wrote ${t}`)}var kt={summary:W,plain:j,md:D,html:M};async function Rt(t,e){let n=await we(e.cwd,t.file),r=kt[t.format](n);return e.stdout.write(r.endsWith(`
`)?r:`${r}
`),0}export{wt as exitCodeFor,bt as failedSamples,Fr as runCommand};
