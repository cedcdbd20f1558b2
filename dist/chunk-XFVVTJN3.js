import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as be,d as ve}from"./chunk-JSVWBDKC.js";import{a as V}from"./chunk-HQHZR2FG.js";import{a as pe,b as me}from"./chunk-BQXPBC4X.js";import{B as W,C as M,D as w,E as le,F as de,b as te,c as re,d as ne,e as se,f as oe,g as ie,h as ae,j as N,o as D,p as ue,t as ce}from"./chunk-LZOXY5VH.js";import{F as B,M as T,R as Q,S as ee,k as z}from"./chunk-OCRKLSJG.js";import"./chunk-IYOQULTV.js";import{a as c,b as O}from"./chunk-T6QOONJY.js";import{b as X}from"./chunk-3XGSEOG7.js";import{f as C}from"./chunk-GS3H7DMW.js";import{D as I,E as b,F as fe,G as ge,H as he,I as ye,J as $e,K as we,i as F,p as Z,q as _,s as E,u as $}from"./chunk-VEEAQAYA.js";import"./chunk-M45MDKGM.js";import"./chunk-GKPKG35G.js";import{a as g,b as K,c as d}from"./chunk-MKQX3MD6.js";import{f as m}from"./chunk-X4XQKLWU.js";m();import{mkdir as Ot}from"node:fs/promises";import{dirname as Ft,join as P,resolve as k}from"node:path";m();var x=4e3,Ce=1e3,He=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function Ge(e){return e.replace(He,t=>`\\u${t.charCodeAt(0).toString(16).padStart(4,"0")}`)}function L(e){return Ge(e).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function l(e){return L(e).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function Ue(e){let t=e.replace(/\s*\n\s*/g," ");return t.length>Ce?`${t.slice(0,Ce)}…`:t}function Ye(e){let t=[`name="${l(e.name)}"`,`classname="${l(e.classname)}"`];e.file&&t.push(`file="${l(e.file)}"`),e.line&&t.push(`line="${e.line}"`);let r=`    <testcase ${t.join(" ")}`,n=e.outcome;if(n.kind==="pass")return n.out?`${r}>
      <system-out>${L(n.out)}</system-out>
    </testcase>`:`${r}/>`;if(n.kind==="skipped")return`${r}>
      <skipped message="${l(n.message)}"/>
    </testcase>`;let s=l(Ue(n.message));return`${r}>
      <${n.kind} type="${l(n.type)}" message="${s}">${L(n.body)}</${n.kind}>
    </testcase>`}function qe(e,t,r){let n=a=>t.filter(p=>p.outcome.kind===a).length,s=`name="${l(e)}" tests="${t.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}"`,o=r.length?`    <properties>
${r.map(([a,p])=>`      <property name="${l(a)}" value="${l(p)}"/>`).join(`
`)}
    </properties>
`:"",i=t.map(Ye).join(`
`);return`  <testsuite ${s}>
${o}${i}${i?`
`:""}  </testsuite>`}function je(e){let t=e.flatMap(o=>o.cases),r=o=>t.filter(i=>i.outcome.kind===o).length,n=`<testsuites name="promptgate" tests="${t.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}">`,s=e.map(o=>qe(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${n}
${s}${s?`
`:""}</testsuites>
`}function Ke(e){return(e??[]).map(t=>typeof t=="string"?t:"code"in t?t.code:t.strong).join("")}function Xe(e,t){let r=t.source?{file:t.source.file,line:t.source.line}:{},n=`passed ${D(t.base)} → ${D(t.head)}`,s={name:t.id,classname:e.name,...r};if(t.change==="regressed"){let o=Ke(ue(t)),i=t.base.output===t.head.output?`output (identical on both sides):
${N(t.head.output,x)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${ce(t.base.output,t.head.output,{maxChars:x})}`;return{...s,outcome:{kind:"failure",type:"regressed",message:`regressed: ${n}${o?` — ${o}`:""}`,body:i}}}if(t.change==="error"){let o=`errors: base ${t.base.errors??0}, head ${t.head.errors??0}`,i=t.head.runs===0?t.head.output:t.base.output;return{...s,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...s,outcome:{kind:"pass",out:`${t.change}: ${n}`}}}function ze(e){let t={name:"gate",classname:e.name},r=e.reasons.join(`
`);return e.status==="error"?{...t,outcome:{kind:"error",type:"error",message:e.error??"the suite could not run",body:e.error??""}}:e.status==="skipped"||e.status==="removed"?{...t,outcome:{kind:"skipped",message:r||`suite ${e.status}`}}:e.verdict==="fail"?{...t,outcome:{kind:"failure",type:"gate",message:r||"the gate failed",body:r}}:{...t,outcome:{kind:"pass",out:`${e.verdict}${r?`: ${r}`:""}`}}}function Re(e){return je(e.suites.map(t=>({name:t.name,cases:[ze(t),...t.caseResults.map(r=>Xe(t,r))],properties:[["status",t.status],["verdict",t.verdict],["repeats",String(t.repeats)],["base",`${e.base.ref} ${e.base.sha}`],["head",`${e.head.ref} ${e.head.sha}`]]})))}function Be(e,t){let r={name:t.id,classname:e.name,file:t.source.file,line:t.source.line},n=t.samples.filter(p=>p.call&&p.error===void 0);if(n.length===0){let p=t.samples.find(u=>u.error!==void 0)?.error??"no sample ran";return{...r,outcome:{kind:"error",type:"error",message:p,body:p}}}let s=n.filter(p=>!p.hardPass);if(s.length===0)return{...r,outcome:{kind:"pass"}};let o=s[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...r,outcome:{kind:"failure",type:"assertion",message:`failed ${s.length} of ${$(n.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${N(o.call?.output??"",x)}`}}}function Pe(e){return je(e.suites.map(t=>({name:t.name,cases:t.run.cases.map(r=>Be(t,r)),properties:[["model",t.model],["repeats",String(t.repeats)]]})))}m();import{readFile as ke}from"node:fs/promises";import{basename as Ve,dirname as Ze,join as Qe,resolve as Se}from"node:path";var J="give the path of a report.json written by `promptgate compare`",h=e=>typeof e=="object"&&e!==null&&!Array.isArray(e);function et(e){if(!h(e))return"not a JSON object";if(e.kind==="run"||Array.isArray(e.suites)&&e.suites.some(n=>h(n)&&"run"in n))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(e.version!==1&&e.version!==2)return`not a promptgate report.json (version ${JSON.stringify(e.version??null)}, expected 1 or 2)`;let t=["verdict","base","head","suites","calls","gate"].filter(n=>e[n]===void 0);if(t.length)return`not a promptgate report.json (no ${t.map(n=>`\`${n}\``).join(", ")})`;if(!Array.isArray(e.suites)||!h(e.calls)||!h(e.gate)||!h(e.base)||!h(e.head))return"not a promptgate report.json (fields of the wrong type)";let r=e.suites.findIndex(n=>!h(n)||typeof n.name!="string"||typeof n.status!="string"||!Array.isArray(n.caseResults)||!Array.isArray(n.reasons));if(r>=0)return`not a promptgate report.json (suites[${r}] is incomplete)`}async function tt(e,t){try{return await ke(Se(e,t),"utf8")}catch(r){let n=r.code;throw d.one(t,`${n==="ENOENT"?"file not found":`cannot read the file (${n??r.message})`}; ${J}`)}}async function Ae(e,t){let r=rt(t,await tt(e,t));if(r.version!==2)return{report:r};let n=Qe(Ze(t),Ve(r.casesFile??b)),s;try{s=await ke(Se(e,n),"utf8")}catch{let i=r.suites.reduce((a,p)=>a+(p.unchangedCases??0),0);return{report:r,warning:`${n} not found: ${i} unchanged case(s) are not listed`}}let o=he(r,s);if("problem"in o)throw d.one(n,`${o.problem}; give the cases.jsonl written with this report.json`);return{report:o}}function rt(e,t){let r;try{r=JSON.parse(t)}catch(s){throw d.one(e,`not JSON (${s.message}); ${J}`)}let n=et(r);if(n)throw d.one(e,`${n}; ${J}`);return r}m();function Oe(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],r=e.map(o=>{let i=B(o.cases,o.cases),a=o.cases.reduce((p,u)=>p+u.samples.length,0);return[o.name,String(o.cases.length),String(a),F(i.passRate),F(i.softPassRate),`${E(i.tokens.input)}/${E(i.tokens.output)}`,Z(i.costUsd,i.costEstimated),_(i.latencyP50Ms),_(i.latencyP95Ms),String(i.errors)]}),n=t.map((o,i)=>Math.max(o.length,...r.map(a=>a[i].length))),s=o=>o.map((i,a)=>a===0?i.padEnd(n[a]):i.padStart(n[a])).join("  ");return`${[s(t),s(n.map(o=>"-".repeat(o))),...r.map(s)].join(`
`)}
`}m();var nt=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,H="  │ ";function j(e,t,r){if(!r.enabled)return e;let n=e.split(`
`),s=n.length-(n.at(-1)===""?2:1),o="none",i=-1;return n.map((a,p)=>p===0?r.bold(O(r,t)(a)):a===""?(o="none",a):p===s?r.dim(a):o==="table"?st(a,i,r):o==="prompt-diff"?ot(a,r):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),r.bold(a)):nt.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),r.bold(a)):a.startsWith(H)?H+it(a.slice(H.length),r):a).join(`
`)}function st(e,t,r){let n=[...e];if(t<0||n.length<=t)return e;let s=n.slice(t).join(""),o=/^\S+(?: \(\w+\))?/.exec(s)?.[0];return o?n.slice(0,t).join("")+O(r,o.replace(/^added \(|\)$/g,""))(o)+s.slice(o.length):e}function ot(e,t){let r=e.slice(2);return r.startsWith("@@")?t.dim(e):r.startsWith("---")||r.startsWith("+++")?t.bold(e):r.startsWith("-")?t.red(e):r.startsWith("+")?t.green(e):e}function it(e,t){return e.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(r,n)=>n!==void 0?t.red(r):t.green(r))}m();import{mkdir as vt,stat as Ct,writeFile as jt}from"node:fs/promises";import{dirname as Rt,join as U}from"node:path";m();m();var at="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",Fe=".github/workflows/promptgate.yml",_e=`name: promptgate
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
            \${{ steps.promptgate.outputs.cases-path }}
            \${{ steps.promptgate.outputs.report-html-path }}
`;function v(e){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(e)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(e)?e:JSON.stringify(e)}var y=e=>e.replace(/[\r\n]+/g," "),pt=`# yaml-language-server: $schema=${at}
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
`,mt=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function ut(e){let t=e.variables.length?`variables: ${e.variables.map(y).join(", ")}`:"no variables";return`  # ${y(e.file)} (${e.format}; ${t})
  - name: ${v(e.name)}
    prompt: ${v(e.file)}
    cases: ${v(e.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var ct=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function Ee(e,t,r,n){let s=[];t.length&&s.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...t.map(a=>`#   ${y(a)}`)),r.length&&s.push("# Looked like prompts but did not parse (fix them, then add a suite):",...r.map(a=>`#   ${y(a.file)}: ${y(a.why)}`)),n>0&&s.push(`# ${n} more prompt files were found; add suites for them by hand.`);let o=e.length?e.map(ut).join(`
`):ct;return`${`${pt}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${s.length?`${s.join(`
`)}
`:""}suites:${e.length?"":" []"}
${o}${mt}`}function lt(e){let t={};for(let r of e){let n=r.split("."),s=t;n.forEach((o,i)=>{i===n.length-1?s[o]??=`TODO: a value for {{${r}}}`:s=s[o]=typeof s[o]=="object"&&s[o]!==null?s[o]:{}})}return"expected"in t||(t.expected="TODO: what a correct answer contains"),t}function Te(e,t){return Object.entries(e).map(([r,n])=>typeof n=="object"&&n!==null?`${t}${v(r)}:
${Te(n,`${t}  `)}`:`${t}${v(r)}: ${JSON.stringify(n)}`).join(`
`)}function Ie(e){let t=Te(lt(e.variables),"    ");return`# Cases for suite \`${y(e.name)}\` (${y(e.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${t}
`}var R="promptgate.yml",G=".github/promptgate.yml",dt=50,ft=/\.(prompty|prompt)$/i,gt=/\.(md|txt|json|ya?ml)$/i,ht=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function yt(e){if(T(e)||ft.test(e))return!0;if(!gt.test(e)||e.startsWith(".github/")||e===R)return!1;let t=e.split("/"),r=t.at(-1);return ht.test(r)||t.some(n=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(n))?!1:t.some(n=>/prompt/i.test(n))}function $t(e){return e.problems?.[0]?.message??(e instanceof Error?e.message:String(e))}async function wt(e){let t=[],r=[],n=[];for(let s of(await e.list()).filter(yt)){if(T(s)){r.push(s);continue}let o=await e.read(s);if(o!==void 0)try{let i=ee(s,o);if(i.format==="template"&&i.variables.length===0)continue;t.push({file:s,format:i.format,variables:i.variables})}catch(i){if(Q(s)==="chat")continue;n.push({file:s,why:$t(i)})}}return{prompts:t,promptYml:r,skipped:n}}function bt(e){let t=(n,s)=>n.replace(/\.[^./]+$/,"").split("/").slice(-s).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",r=e.map(n=>t(n,1));for(let n=2;n<=8;n++){let s=new Set(r.filter((o,i)=>r.indexOf(o)!==i));if(s.size===0)break;e.forEach((o,i)=>{s.has(r[i])&&(r[i]=t(o,n))})}return r.map((n,s)=>r.indexOf(n)===s?n:`${n}-${s+1}`)}async function Ne(e){let t=await wt(e),r=t.prompts.slice(0,dt),n=bt(r.map(i=>i.file)),s=r.map((i,a)=>({...i,name:n[a],cases:`evals/${n[a]}.yaml`})),o=[{path:R,text:Ee(s,t.promptYml,t.skipped,t.prompts.length-r.length)},...s.map(i=>({path:i.cases,text:Ie(i)})),{path:Fe,text:_e}];return{suites:s,promptYml:t.promptYml,skipped:t.skipped,files:o}}async function Pt(e){try{return await Ct(e),!0}catch{return!1}}async function De(e){let t=await Ne(new C(e.cwd)),r=[...t.files.map(s=>s.path),G];for(let s of r){if(!await Pt(U(e.cwd,s)))continue;let o=s===G?`a config already exists (init writes ${R})`:"already exists";throw d.one(s,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let s of t.files){await vt(Rt(U(e.cwd,s.path)),{recursive:!0});try{await jt(U(e.cwd,s.path),s.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:d.one(s.path,"already exists; `promptgate init` never overwrites a file")}e.stdout.write(`wrote ${s.path}
`)}let n=t.suites.length?`${$(t.suites.length,"suite")}: ${t.suites.map(s=>`${s.name} (${s.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";e.stdout.write(`${n}
`),t.promptYml.length&&e.stdout.write(`${$(t.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let s of t.skipped)e.log.warn(`${s.file}: not added, it does not parse as a prompt: ${s.why}`);return e.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}m();import{mkdir as kt,writeFile as We}from"node:fs/promises";import{join as Y,resolve as St}from"node:path";async function Me(e,t,r){let{drift:n,stopped:s}=await be({...r.options,suites:e.suites,baselineDir:e.baseline,accept:e.accept});r.progress.finish();let o=St(t.cwd,e.outDir);await kt(o,{recursive:!0});let i=`${JSON.stringify(n,null,2)}
`;if(await We(Y(o,"drift.json"),i),await We(Y(o,"drift.md"),ve(n)),e.format==="json")t.stdout.write(i);else{let a=c(t.stdout,t.env);t.stdout.write(j(w(n.report),n.report.verdict,a)),t.stdout.write(`${At(n)}
`)}return t.log.info(`wrote ${Y(e.outDir,"drift.json")} and drift.md`),n.accepted?t.log.info(`the fresh answers are the baseline now (${e.baseline})`):n.recorded.length&&t.log.info(`baseline recorded for ${n.recorded.join(", ")} in ${e.baseline}`),s?(t.stderr.write(`${c(t.stderr,t.env).red("error:")} run stopped early: ${g(s)}
`),3):n.verdict==="fail"?1:0}function At(e){if(!e.models.length)return"Models: nothing compared (no baseline yet)";let t=n=>I(n.join(", ")||"—"),r=(n,s)=>t(n)===t(s)?`${t(n)} (unchanged)`:`${t(n)} → ${t(s)}`;return["Models (baseline → fresh):",...e.models.map(n=>`  ${I(n.suite)}: model ${r(n.baseline.models,n.fresh.models)} · system_fingerprint ${r(n.baseline.fingerprints,n.fresh.fingerprints)}`)].join(`
`)}function _t(e){return e.cancelled||e.stopped?3:e.verdict==="fail"?1:0}async function S(e,t,r){try{await Ot(Ft(e),{recursive:!0})}catch(n){throw ye(r??e,n)}await $e(e,typeof t=="string"?[t]:t,r)}function Et(e){let t=0,r=0,n="";for(let s of e)for(let o of s.cases)for(let i of o.samples)r++,i.error!==void 0&&(t++,n||(n=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${s.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return t?g(`${t} of ${r} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${n}`):""}async function en(e,t){switch(e.command){case"validate":return Tt(e,t);case"run":return It(e,t);case"compare":return Nt(e,t);case"merge":return Wt(e,t);case"render":return xt(e,t);case"init":return De(t);case"drift":return Me(e,t,q(e,t))}}function q(e,t){let r=we(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,redactor:t.redactor,signal:t.signal,onProgress:r.update},progress:r}}async function Tt(e,t){let r=new C(t.cwd),{config:n,file:s}=await z(r,e.config),o=await pe(r,n,s,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(K(i))});return t.stdout.write(`${s??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function It(e,t){let{options:r,progress:n}=q(e,t),s=await me({...r,suites:e.suites});n.finish();let o=s.sides[0],i=V({configFile:s.configFile,runs:o,calls:s.calls,stopped:s.stopped,pricing:s.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let u=c(t.stdout,t.env),[A="",...Je]=Oe(o).split(`
`);t.stdout.write([u.bold(A),...Je].join(`
`)),t.stdout.write(u.dim(`calls: ${s.calls.made} made, ${s.calls.cached} from cache, ${s.calls.failed} failed`)+`
`)}if(e.out&&(await S(k(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await Le(e.junit,Pe(i),t),s.stopped)return t.stderr.write(`${c(t.stderr,t.env).red("error:")} run stopped early: ${g(s.stopped)}
`),3;for(let u of s.suites)for(let A of u.unsupported)t.log.warn(`${u.prompt.file}: suite ${u.name}: ${A}`);let p=Et(o);return p&&t.log.warn(p),0}async function Nt(e,t){let{options:r,progress:n}=q(e,t),s={...r,base:e.base,head:e.head,all:e.all,revisions:t.revisions};if(e.shard){let i=await ne({...s,shard:e.shard});return n.finish(),Dt(i,e,t)}let{report:o}=await te(s);return n.finish(),xe(o,e,t)}async function Dt(e,t,r){let n=oe(e),s=P(t.outDir,se(n.shard)),o=JSON.stringify(r.redactor?r.redactor.redactDeep(n):n);await S(k(r.cwd,s),`${o}
`);let i=e.input.suites.reduce((a,p)=>a+((p.head??p.base)?.cases.length??0),0);if(r.log.info(`wrote ${s} (shard ${X(n.shard)}: ${i} case(s)); combine the shards with \`promptgate merge\``),e.input.stopped||e.input.cancelled){let a=e.input.stopped??"cancelled";return r.stderr.write(`${c(r.stderr,r.env).red("error:")} run stopped early: ${g(a)}
`),3}return 0}async function Wt(e,t){let r=await ie(t.cwd,e.paths),{report:n}=re(ae(r),t.redactor);return t.log.info(`merged ${r.length} shard(s)`),xe(n,e,t)}async function xe(e,t,r){let n=k(r.cwd,t.outDir),s=fe(e),o=(p,u)=>S(P(n,p),u,P(t.outDir,p));await o("report.json",s),await o(b,ge(e)),await o("report.md",W(e)),await o("summary.md",M(e)),await o("report.html",de(e)),t.format==="json"?r.stdout.write(s):r.stdout.write(j(w(e),e.verdict,c(r.stdout,r.env))),r.log.info(`wrote ${P(t.outDir,"report.md")}, summary.md, report.json, ${b} and report.html`),t.junit&&await Le(t.junit,Re(e),r);let i=_t(e),a=c(r.stderr,r.env);return e.stopped?r.stderr.write(`${i===3?a.red("error:"):a.yellow("warning:")} run stopped early: ${g(e.stopped)}; the report covers what ran
`):e.calls.failed&&r.log.warn(`${e.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),i}async function Le(e,t,r){await S(k(r.cwd,e),t),r.log.info(`wrote ${e}`)}var Mt={summary:M,plain:w,md:W,html:le};async function xt(e,t){let{report:r,warning:n}=await Ae(t.cwd,e.file);n&&t.log.warn(n);let s=Mt[e.format](r);return t.stdout.write(s.endsWith(`
`)?s:`${s}
`),0}export{_t as exitCodeFor,Et as failedSamples,en as runCommand};
