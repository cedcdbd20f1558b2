import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as Re,d as Pe}from"./chunk-NB4D6UBY.js";import{a as te}from"./chunk-AIE54OZE.js";import{a as le,b as de}from"./chunk-4NG6ZZNL.js";import{B as q,C as H,D as P,E as he,F as ye,b as oe,c as ie,d as ae,e as pe,f as me,g as ue,h as ce,j as L,o as J,p as fe,t as ge}from"./chunk-SICUBOP7.js";import{F as ee,M as W,R as se,S as ne,k as Q}from"./chunk-77YF3PZH.js";import"./chunk-GGAYPTL6.js";import{a as c,b as I}from"./chunk-BUX5ENGT.js";import{b as Z}from"./chunk-EMR43TS6.js";import{f as O}from"./chunk-PIAQCBW4.js";import{E as M,F as k,G as $e,H as we,I as be,J as ve,K as Ce,L as je,i as N,p as re,q as D,s as x,u as R}from"./chunk-KAUYX2WQ.js";import"./chunk-IPD3NX7B.js";import"./chunk-ITCX4ZYK.js";import{a as $,b as V,c as y}from"./chunk-BHRI4ICT.js";import{a as f,b as g,d as h}from"./chunk-5SILH6BQ.js";var Se=g((Kt,ke)=>{ke.exports=f("node:fs/promises")});var Oe=g((Xt,Ae)=>{Ae.exports=f("node:path")});var Ne=g((er,Ie)=>{Ie.exports=f("node:fs/promises")});var xe=g((tr,De)=>{De.exports=f("node:path")});var Je=g((ur,Le)=>{Le.exports=f("node:fs/promises")});var He=g((cr,qe)=>{qe.exports=f("node:path")});var Ze=g((Cr,Ve)=>{Ve.exports=f("node:fs/promises")});var et=g((jr,Qe)=>{Qe.exports=f("node:path")});var rt=h(Se(),1),u=h(Oe(),1);var G=4e3,Fe=1e3,it=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function at(e){return e.replace(it,t=>`\\u${t.charCodeAt(0).toString(16).padStart(4,"0")}`)}function U(e){return at(e).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function l(e){return U(e).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function pt(e){let t=e.replace(/\s*\n\s*/g," ");return t.length>Fe?`${t.slice(0,Fe)}…`:t}function mt(e){let t=[`name="${l(e.name)}"`,`classname="${l(e.classname)}"`];e.file&&t.push(`file="${l(e.file)}"`),e.line&&t.push(`line="${e.line}"`);let r=`    <testcase ${t.join(" ")}`,s=e.outcome;if(s.kind==="pass")return s.out?`${r}>
      <system-out>${U(s.out)}</system-out>
    </testcase>`:`${r}/>`;if(s.kind==="skipped")return`${r}>
      <skipped message="${l(s.message)}"/>
    </testcase>`;let n=l(pt(s.message));return`${r}>
      <${s.kind} type="${l(s.type)}" message="${n}">${U(s.body)}</${s.kind}>
    </testcase>`}function ut(e,t,r){let s=a=>t.filter(p=>p.outcome.kind===a).length,n=`name="${l(e)}" tests="${t.length}" failures="${s("failure")}" errors="${s("error")}" skipped="${s("skipped")}"`,o=r.length?`    <properties>
${r.map(([a,p])=>`      <property name="${l(a)}" value="${l(p)}"/>`).join(`
`)}
    </properties>
`:"",i=t.map(mt).join(`
`);return`  <testsuite ${n}>
${o}${i}${i?`
`:""}  </testsuite>`}function _e(e){let t=e.flatMap(o=>o.cases),r=o=>t.filter(i=>i.outcome.kind===o).length,s=`<testsuites name="promptgate" tests="${t.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}">`,n=e.map(o=>ut(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${s}
${n}${n?`
`:""}</testsuites>
`}function ct(e){return(e??[]).map(t=>typeof t=="string"?t:"code"in t?t.code:t.strong).join("")}function lt(e,t){let r=t.source?{file:t.source.file,line:t.source.line}:{},s=`passed ${J(t.base)} → ${J(t.head)}`,n={name:t.id,classname:e.name,...r};if(t.change==="regressed"){let o=ct(fe(t)),i=t.base.output===t.head.output?`output (identical on both sides):
${L(t.head.output,G)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${ge(t.base.output,t.head.output,{maxChars:G})}`;return{...n,outcome:{kind:"failure",type:"regressed",message:`regressed: ${s}${o?` — ${o}`:""}`,body:i}}}if(t.change==="error"){let o=`errors: base ${t.base.errors??0}, head ${t.head.errors??0}`,i=t.head.runs===0?t.head.output:t.base.output;return{...n,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...n,outcome:{kind:"pass",out:`${t.change}: ${s}`}}}function dt(e){let t={name:"gate",classname:e.name},r=e.reasons.join(`
`);return e.status==="error"?{...t,outcome:{kind:"error",type:"error",message:e.error??"the suite could not run",body:e.error??""}}:e.status==="skipped"||e.status==="removed"?{...t,outcome:{kind:"skipped",message:r||`suite ${e.status}`}}:e.verdict==="fail"?{...t,outcome:{kind:"failure",type:"gate",message:r||"the gate failed",body:r}}:{...t,outcome:{kind:"pass",out:`${e.verdict}${r?`: ${r}`:""}`}}}function Ee(e){return _e(e.suites.map(t=>({name:t.name,cases:[dt(t),...t.caseResults.map(r=>lt(t,r))],properties:[["status",t.status],["verdict",t.verdict],["repeats",String(t.repeats)],["base",`${e.base.ref} ${e.base.sha}`],["head",`${e.head.ref} ${e.head.sha}`]]})))}function ft(e,t){let r={name:t.id,classname:e.name,file:t.source.file,line:t.source.line},s=t.samples.filter(p=>p.call&&p.error===void 0);if(s.length===0){let p=t.samples.find(m=>m.error!==void 0)?.error??"no sample ran";return{...r,outcome:{kind:"error",type:"error",message:p,body:p}}}let n=s.filter(p=>!p.hardPass);if(n.length===0)return{...r,outcome:{kind:"pass"}};let o=n[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...r,outcome:{kind:"failure",type:"assertion",message:`failed ${n.length} of ${R(s.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${L(o.call?.output??"",G)}`}}}function Te(e){return _e(e.suites.map(t=>({name:t.name,cases:t.run.cases.map(r=>ft(t,r)),properties:[["model",t.model],["repeats",String(t.repeats)]]})))}var K=h(Ne(),1),d=h(xe(),1);var Y="give the path of a report.json written by `promptgate compare`",w=e=>typeof e=="object"&&e!==null&&!Array.isArray(e);function gt(e){if(!w(e))return"not a JSON object";if(e.kind==="run"||Array.isArray(e.suites)&&e.suites.some(s=>w(s)&&"run"in s))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(e.version!==1&&e.version!==2)return`not a promptgate report.json (version ${JSON.stringify(e.version??null)}, expected 1 or 2)`;let t=["verdict","base","head","suites","calls","gate"].filter(s=>e[s]===void 0);if(t.length)return`not a promptgate report.json (no ${t.map(s=>`\`${s}\``).join(", ")})`;if(!Array.isArray(e.suites)||!w(e.calls)||!w(e.gate)||!w(e.base)||!w(e.head))return"not a promptgate report.json (fields of the wrong type)";let r=e.suites.findIndex(s=>!w(s)||typeof s.name!="string"||typeof s.status!="string"||!Array.isArray(s.caseResults)||!Array.isArray(s.reasons));if(r>=0)return`not a promptgate report.json (suites[${r}] is incomplete)`}async function ht(e,t){try{return await(0,K.readFile)((0,d.resolve)(e,t),"utf8")}catch(r){let s=r.code;throw y.one(t,`${s==="ENOENT"?"file not found":`cannot read the file (${s??r.message})`}; ${Y}`)}}async function We(e,t){let r=yt(t,await ht(e,t));if(r.version!==2)return{report:r};let s=(0,d.join)((0,d.dirname)(t),(0,d.basename)(r.casesFile??k)),n;try{n=await(0,K.readFile)((0,d.resolve)(e,s),"utf8")}catch{let i=r.suites.reduce((a,p)=>a+(p.unchangedCases??0),0);return{report:r,warning:`${s} not found: ${i} unchanged case(s) are not listed`}}let o=be(r,n);if("problem"in o)throw y.one(s,`${o.problem}; give the cases.jsonl written with this report.json`);return{report:o}}function yt(e,t){let r;try{r=JSON.parse(t)}catch(n){throw y.one(e,`not JSON (${n.message}); ${Y}`)}let s=gt(r);if(s)throw y.one(e,`${s}; ${Y}`);return r}function Me(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],r=e.map(o=>{let i=ee(o.cases,o.cases),a=o.cases.reduce((p,m)=>p+m.samples.length,0);return[o.name,String(o.cases.length),String(a),N(i.passRate),N(i.softPassRate),`${x(i.tokens.input)}/${x(i.tokens.output)}`,re(i.costUsd,i.costEstimated),D(i.latencyP50Ms),D(i.latencyP95Ms),String(i.errors)]}),s=t.map((o,i)=>Math.max(o.length,...r.map(a=>a[i].length))),n=o=>o.map((i,a)=>a===0?i.padEnd(s[a]):i.padStart(s[a])).join("  ");return`${[n(t),n(s.map(o=>"-".repeat(o))),...r.map(n)].join(`
`)}
`}var $t=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,X="  │ ";function F(e,t,r){if(!r.enabled)return e;let s=e.split(`
`),n=s.length-(s.at(-1)===""?2:1),o="none",i=-1;return s.map((a,p)=>p===0?r.bold(I(r,t)(a)):a===""?(o="none",a):p===n?r.dim(a):o==="table"?wt(a,i,r):o==="prompt-diff"?bt(a,r):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),r.bold(a)):$t.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),r.bold(a)):a.startsWith(X)?X+vt(a.slice(X.length),r):a).join(`
`)}function wt(e,t,r){let s=[...e];if(t<0||s.length<=t)return e;let n=s.slice(t).join(""),o=/^\S+(?: \(\w+\))?/.exec(n)?.[0];return o?s.slice(0,t).join("")+I(r,o.replace(/^added \(|\)$/g,""))(o)+n.slice(o.length):e}function bt(e,t){let r=e.slice(2);return r.startsWith("@@")?t.dim(e):r.startsWith("---")||r.startsWith("+++")?t.bold(e):r.startsWith("-")?t.red(e):r.startsWith("+")?t.green(e):e}function vt(e,t){return e.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(r,s)=>s!==void 0?t.red(r):t.green(r))}var C=h(Je(),1),v=h(He(),1);var Ct="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",Ge=".github/workflows/promptgate.yml",Ue=`name: promptgate
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
`;function S(e){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(e)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(e)?e:JSON.stringify(e)}var b=e=>e.replace(/[\r\n]+/g," "),jt=`# yaml-language-server: $schema=${Ct}
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
`,Rt=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function Pt(e){let t=e.variables.length?`variables: ${e.variables.map(b).join(", ")}`:"no variables";return`  # ${b(e.file)} (${e.format}; ${t})
  - name: ${S(e.name)}
    prompt: ${S(e.file)}
    cases: ${S(e.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var kt=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function Ye(e,t,r,s){let n=[];t.length&&n.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...t.map(a=>`#   ${b(a)}`)),r.length&&n.push("# Looked like prompts but did not parse (fix them, then add a suite):",...r.map(a=>`#   ${b(a.file)}: ${b(a.why)}`)),s>0&&n.push(`# ${s} more prompt files were found; add suites for them by hand.`);let o=e.length?e.map(Pt).join(`
`):kt;return`${`${jt}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${n.length?`${n.join(`
`)}
`:""}suites:${e.length?"":" []"}
${o}${Rt}`}function St(e){let t={};for(let r of e){let s=r.split("."),n=t;s.forEach((o,i)=>{i===s.length-1?n[o]??=`TODO: a value for {{${r}}}`:n=n[o]=typeof n[o]=="object"&&n[o]!==null?n[o]:{}})}return"expected"in t||(t.expected="TODO: what a correct answer contains"),t}function Ke(e,t){return Object.entries(e).map(([r,s])=>typeof s=="object"&&s!==null?`${t}${S(r)}:
${Ke(s,`${t}  `)}`:`${t}${S(r)}: ${JSON.stringify(s)}`).join(`
`)}function Xe(e){let t=Ke(St(e.variables),"    ");return`# Cases for suite \`${b(e.name)}\` (${b(e.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${t}
`}var _="promptgate.yml",z=".github/promptgate.yml",At=50,Ot=/\.(prompty|prompt)$/i,Ft=/\.(md|txt|json|ya?ml)$/i,_t=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function Et(e){if(W(e)||Ot.test(e))return!0;if(!Ft.test(e)||e.startsWith(".github/")||e===_)return!1;let t=e.split("/"),r=t.at(-1);return _t.test(r)||t.some(s=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(s))?!1:t.some(s=>/prompt/i.test(s))}function Tt(e){return e.problems?.[0]?.message??(e instanceof Error?e.message:String(e))}async function It(e){let t=[],r=[],s=[];for(let n of(await e.list()).filter(Et)){if(W(n)){r.push(n);continue}let o=await e.read(n);if(o!==void 0)try{let i=ne(n,o);if(i.format==="template"&&i.variables.length===0)continue;t.push({file:n,format:i.format,variables:i.variables})}catch(i){if(se(n)==="chat")continue;s.push({file:n,why:Tt(i)})}}return{prompts:t,promptYml:r,skipped:s}}function Nt(e){let t=(s,n)=>s.replace(/\.[^./]+$/,"").split("/").slice(-n).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",r=e.map(s=>t(s,1));for(let s=2;s<=8;s++){let n=new Set(r.filter((o,i)=>r.indexOf(o)!==i));if(n.size===0)break;e.forEach((o,i)=>{n.has(r[i])&&(r[i]=t(o,s))})}return r.map((s,n)=>r.indexOf(s)===n?s:`${s}-${n+1}`)}async function ze(e){let t=await It(e),r=t.prompts.slice(0,At),s=Nt(r.map(i=>i.file)),n=r.map((i,a)=>({...i,name:s[a],cases:`evals/${s[a]}.yaml`})),o=[{path:_,text:Ye(n,t.promptYml,t.skipped,t.prompts.length-r.length)},...n.map(i=>({path:i.cases,text:Xe(i)})),{path:Ge,text:Ue}];return{suites:n,promptYml:t.promptYml,skipped:t.skipped,files:o}}async function Dt(e){try{return await(0,C.stat)(e),!0}catch{return!1}}async function Be(e){let t=await ze(new O(e.cwd)),r=[...t.files.map(n=>n.path),z];for(let n of r){if(!await Dt((0,v.join)(e.cwd,n)))continue;let o=n===z?`a config already exists (init writes ${_})`:"already exists";throw y.one(n,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let n of t.files){await(0,C.mkdir)((0,v.dirname)((0,v.join)(e.cwd,n.path)),{recursive:!0});try{await(0,C.writeFile)((0,v.join)(e.cwd,n.path),n.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:y.one(n.path,"already exists; `promptgate init` never overwrites a file")}e.stdout.write(`wrote ${n.path}
`)}let s=t.suites.length?`${R(t.suites.length,"suite")}: ${t.suites.map(n=>`${n.name} (${n.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";e.stdout.write(`${s}
`),t.promptYml.length&&e.stdout.write(`${R(t.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let n of t.skipped)e.log.warn(`${n.file}: not added, it does not parse as a prompt: ${n.why}`);return e.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}var A=h(Ze(),1),j=h(et(),1);async function tt(e,t,r){let{drift:s,stopped:n}=await Re({...r.options,suites:e.suites,baselineDir:e.baseline,accept:e.accept});r.progress.finish();let o=(0,j.resolve)(t.cwd,e.outDir);await(0,A.mkdir)(o,{recursive:!0});let i=`${JSON.stringify(s,null,2)}
`;if(await(0,A.writeFile)((0,j.join)(o,"drift.json"),i),await(0,A.writeFile)((0,j.join)(o,"drift.md"),Pe(s)),e.format==="json")t.stdout.write(i);else{let a=c(t.stdout,t.env);t.stdout.write(F(P(s.report),s.report.verdict,a)),t.stdout.write(`${xt(s)}
`)}return t.log.info(`wrote ${(0,j.join)(e.outDir,"drift.json")} and drift.md`),s.accepted?t.log.info(`the fresh answers are the baseline now (${e.baseline})`):s.recorded.length&&t.log.info(`baseline recorded for ${s.recorded.join(", ")} in ${e.baseline}`),n?(t.stderr.write(`${c(t.stderr,t.env).red("error:")} run stopped early: ${$(n)}
`),3):s.verdict==="fail"?1:0}function xt(e){if(!e.models.length)return"Models: nothing compared (no baseline yet)";let t=s=>M(s.join(", ")||"—"),r=(s,n)=>t(s)===t(n)?`${t(s)} (unchanged)`:`${t(s)} → ${t(n)}`;return["Models (baseline → fresh):",...e.models.map(s=>`  ${M(s.suite)}: model ${r(s.baseline.models,s.fresh.models)} · system_fingerprint ${r(s.baseline.fingerprints,s.fresh.fingerprints)}`)].join(`
`)}function Wt(e){return e.cancelled||e.stopped?3:e.verdict==="fail"?1:0}async function E(e,t,r){try{await(0,rt.mkdir)((0,u.dirname)(e),{recursive:!0})}catch(s){throw ve(r??e,s)}await Ce(e,typeof t=="string"?[t]:t,r)}function Mt(e){let t=0,r=0,s="";for(let n of e)for(let o of n.cases)for(let i of o.samples)r++,i.error!==void 0&&(t++,s||(s=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${n.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return t?$(`${t} of ${r} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${s}`):""}async function Qr(e,t){switch(e.command){case"validate":return Lt(e,t);case"run":return Jt(e,t);case"compare":return qt(e,t);case"merge":return Gt(e,t);case"render":return Yt(e,t);case"init":return Be(t);case"drift":return tt(e,t,B(e,t))}}function B(e,t){let r=je(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,redactor:t.redactor,signal:t.signal,onProgress:r.update},progress:r}}async function Lt(e,t){let r=new O(t.cwd),{config:s,file:n}=await Q(r,e.config),o=await le(r,s,n,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(V(i))});return t.stdout.write(`${n??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function Jt(e,t){let{options:r,progress:s}=B(e,t),n=await de({...r,suites:e.suites});s.finish();let o=n.sides[0],i=te({configFile:n.configFile,runs:o,calls:n.calls,stopped:n.stopped,pricing:n.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let m=c(t.stdout,t.env),[T="",...ot]=Me(o).split(`
`);t.stdout.write([m.bold(T),...ot].join(`
`)),t.stdout.write(m.dim(`calls: ${n.calls.made} made, ${n.calls.cached} from cache, ${n.calls.failed} failed`)+`
`)}if(e.out&&(await E((0,u.resolve)(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await nt(e.junit,Te(i),t),n.stopped)return t.stderr.write(`${c(t.stderr,t.env).red("error:")} run stopped early: ${$(n.stopped)}
`),3;for(let m of n.suites)for(let T of m.unsupported)t.log.warn(`${m.prompt.file}: suite ${m.name}: ${T}`);let p=Mt(o);return p&&t.log.warn(p),0}async function qt(e,t){let{options:r,progress:s}=B(e,t),n={...r,base:e.base,head:e.head,all:e.all,revisions:t.revisions};if(e.shard){let i=await ae({...n,shard:e.shard});return s.finish(),Ht(i,e,t)}let{report:o}=await oe(n);return s.finish(),st(o,e,t)}async function Ht(e,t,r){let s=me(e),n=(0,u.join)(t.outDir,pe(s.shard)),o=JSON.stringify(r.redactor?r.redactor.redactDeep(s):s);await E((0,u.resolve)(r.cwd,n),`${o}
`);let i=e.input.suites.reduce((a,p)=>a+((p.head??p.base)?.cases.length??0),0);if(r.log.info(`wrote ${n} (shard ${Z(s.shard)}: ${i} case(s)); combine the shards with \`promptgate merge\``),e.input.stopped||e.input.cancelled){let a=e.input.stopped??"cancelled";return r.stderr.write(`${c(r.stderr,r.env).red("error:")} run stopped early: ${$(a)}
`),3}return 0}async function Gt(e,t){let r=await ue(t.cwd,e.paths),{report:s}=ie(ce(r),t.redactor);return t.log.info(`merged ${r.length} shard(s)`),st(s,e,t)}async function st(e,t,r){let s=(0,u.resolve)(r.cwd,t.outDir),n=$e(e),o=(p,m)=>E((0,u.join)(s,p),m,(0,u.join)(t.outDir,p));await o("report.json",n),await o(k,we(e)),await o("report.md",q(e)),await o("summary.md",H(e)),await o("report.html",ye(e)),t.format==="json"?r.stdout.write(n):r.stdout.write(F(P(e),e.verdict,c(r.stdout,r.env))),r.log.info(`wrote ${(0,u.join)(t.outDir,"report.md")}, summary.md, report.json, ${k} and report.html`),t.junit&&await nt(t.junit,Ee(e),r);let i=Wt(e),a=c(r.stderr,r.env);return e.stopped?r.stderr.write(`${i===3?a.red("error:"):a.yellow("warning:")} run stopped early: ${$(e.stopped)}; the report covers what ran
`):e.calls.failed&&r.log.warn(`${e.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),i}async function nt(e,t,r){await E((0,u.resolve)(r.cwd,e),t),r.log.info(`wrote ${e}`)}var Ut={summary:H,plain:P,md:q,html:he};async function Yt(e,t){let{report:r,warning:s}=await We(t.cwd,e.file);s&&t.log.warn(s);let n=Ut[e.format](r);return t.stdout.write(n.endsWith(`
`)?n:`${n}
`),0}export{Wt as exitCodeFor,Mt as failedSamples,Qr as runCommand};
