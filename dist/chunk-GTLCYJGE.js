import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as fe,d as ge}from"./chunk-UAUFKR3N.js";import{a as B}from"./chunk-K7BRZ3XL.js";import{a as ae,b as pe}from"./chunk-CNLJKORI.js";import{B as N,C as D,D as w,E as W,b as ee,c as te,d as re,e as se,f as ne,g as oe,h as ie,j as T,o as I,p as me,t as ue}from"./chunk-J6HQ2NQY.js";import{F as z,M as _,R as Z,S as Q,k as X}from"./chunk-FQOGGX3N.js";import"./chunk-GGAYPTL6.js";import{a as u,b as S}from"./chunk-BUX5ENGT.js";import{b as K}from"./chunk-B23D6AUI.js";import{f as C}from"./chunk-HPETQO75.js";import{D as E,E as b,F as ce,G as le,H as de,i as A,p as V,q as O,s as F,u as $}from"./chunk-UCR35XFS.js";import"./chunk-6POYHWC5.js";import"./chunk-RUA2AJIP.js";import{a as f,b as q,c as l}from"./chunk-BHRI4ICT.js";import"./chunk-5SILH6BQ.js";import{mkdir as jt,writeFile as Rt}from"node:fs/promises";import{dirname as kt,join as y,resolve as k}from"node:path";var x=4e3,he=1e3,De=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function We(e){return e.replace(De,t=>`\\u${t.charCodeAt(0).toString(16).padStart(4,"0")}`)}function M(e){return We(e).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function c(e){return M(e).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function xe(e){let t=e.replace(/\s*\n\s*/g," ");return t.length>he?`${t.slice(0,he)}…`:t}function Me(e){let t=[`name="${c(e.name)}"`,`classname="${c(e.classname)}"`];e.file&&t.push(`file="${c(e.file)}"`),e.line&&t.push(`line="${e.line}"`);let s=`    <testcase ${t.join(" ")}`,r=e.outcome;if(r.kind==="pass")return r.out?`${s}>
      <system-out>${M(r.out)}</system-out>
    </testcase>`:`${s}/>`;if(r.kind==="skipped")return`${s}>
      <skipped message="${c(r.message)}"/>
    </testcase>`;let n=c(xe(r.message));return`${s}>
      <${r.kind} type="${c(r.type)}" message="${n}">${M(r.body)}</${r.kind}>
    </testcase>`}function Le(e,t,s){let r=a=>t.filter(p=>p.outcome.kind===a).length,n=`name="${c(e)}" tests="${t.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}"`,o=s.length?`    <properties>
${s.map(([a,p])=>`      <property name="${c(a)}" value="${c(p)}"/>`).join(`
`)}
    </properties>
`:"",i=t.map(Me).join(`
`);return`  <testsuite ${n}>
${o}${i}${i?`
`:""}  </testsuite>`}function ye(e){let t=e.flatMap(o=>o.cases),s=o=>t.filter(i=>i.outcome.kind===o).length,r=`<testsuites name="promptgate" tests="${t.length}" failures="${s("failure")}" errors="${s("error")}" skipped="${s("skipped")}">`,n=e.map(o=>Le(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${r}
${n}${n?`
`:""}</testsuites>
`}function Je(e){return(e??[]).map(t=>typeof t=="string"?t:"code"in t?t.code:t.strong).join("")}function He(e,t){let s=t.source?{file:t.source.file,line:t.source.line}:{},r=`passed ${I(t.base)} → ${I(t.head)}`,n={name:t.id,classname:e.name,...s};if(t.change==="regressed"){let o=Je(me(t)),i=t.base.output===t.head.output?`output (identical on both sides):
${T(t.head.output,x)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${ue(t.base.output,t.head.output,{maxChars:x})}`;return{...n,outcome:{kind:"failure",type:"regressed",message:`regressed: ${r}${o?` — ${o}`:""}`,body:i}}}if(t.change==="error"){let o=`errors: base ${t.base.errors??0}, head ${t.head.errors??0}`,i=t.head.runs===0?t.head.output:t.base.output;return{...n,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...n,outcome:{kind:"pass",out:`${t.change}: ${r}`}}}function Ge(e){let t={name:"gate",classname:e.name},s=e.reasons.join(`
`);return e.status==="error"?{...t,outcome:{kind:"error",type:"error",message:e.error??"the suite could not run",body:e.error??""}}:e.status==="skipped"||e.status==="removed"?{...t,outcome:{kind:"skipped",message:s||`suite ${e.status}`}}:e.verdict==="fail"?{...t,outcome:{kind:"failure",type:"gate",message:s||"the gate failed",body:s}}:{...t,outcome:{kind:"pass",out:`${e.verdict}${s?`: ${s}`:""}`}}}function $e(e){return ye(e.suites.map(t=>({name:t.name,cases:[Ge(t),...t.caseResults.map(s=>He(t,s))],properties:[["status",t.status],["verdict",t.verdict],["repeats",String(t.repeats)],["base",`${e.base.ref} ${e.base.sha}`],["head",`${e.head.ref} ${e.head.sha}`]]})))}function Ue(e,t){let s={name:t.id,classname:e.name,file:t.source.file,line:t.source.line},r=t.samples.filter(p=>p.call&&p.error===void 0);if(r.length===0){let p=t.samples.find(m=>m.error!==void 0)?.error??"no sample ran";return{...s,outcome:{kind:"error",type:"error",message:p,body:p}}}let n=r.filter(p=>!p.hardPass);if(n.length===0)return{...s,outcome:{kind:"pass"}};let o=n[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...s,outcome:{kind:"failure",type:"assertion",message:`failed ${n.length} of ${$(r.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${T(o.call?.output??"",x)}`}}}function we(e){return ye(e.suites.map(t=>({name:t.name,cases:t.run.cases.map(s=>Ue(t,s)),properties:[["model",t.model],["repeats",String(t.repeats)]]})))}import{readFile as be}from"node:fs/promises";import{basename as Ye,dirname as qe,join as Ke,resolve as ve}from"node:path";var L="give the path of a report.json written by `promptgate compare`",g=e=>typeof e=="object"&&e!==null&&!Array.isArray(e);function Xe(e){if(!g(e))return"not a JSON object";if(e.kind==="run"||Array.isArray(e.suites)&&e.suites.some(r=>g(r)&&"run"in r))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(e.version!==1&&e.version!==2)return`not a promptgate report.json (version ${JSON.stringify(e.version??null)}, expected 1 or 2)`;let t=["verdict","base","head","suites","calls","gate"].filter(r=>e[r]===void 0);if(t.length)return`not a promptgate report.json (no ${t.map(r=>`\`${r}\``).join(", ")})`;if(!Array.isArray(e.suites)||!g(e.calls)||!g(e.gate)||!g(e.base)||!g(e.head))return"not a promptgate report.json (fields of the wrong type)";let s=e.suites.findIndex(r=>!g(r)||typeof r.name!="string"||typeof r.status!="string"||!Array.isArray(r.caseResults)||!Array.isArray(r.reasons));if(s>=0)return`not a promptgate report.json (suites[${s}] is incomplete)`}async function ze(e,t){try{return await be(ve(e,t),"utf8")}catch(s){let r=s.code;throw l.one(t,`${r==="ENOENT"?"file not found":`cannot read the file (${r??s.message})`}; ${L}`)}}async function Ce(e,t){let s=Be(t,await ze(e,t));if(s.version!==2)return{report:s};let r=Ke(qe(t),Ye(s.casesFile??b)),n;try{n=await be(ve(e,r),"utf8")}catch{let i=s.suites.reduce((a,p)=>a+(p.unchangedCases??0),0);return{report:s,warning:`${r} not found: ${i} unchanged case(s) are not listed`}}let o=le(s,n);if("problem"in o)throw l.one(r,`${o.problem}; give the cases.jsonl written with this report.json`);return{report:o}}function Be(e,t){let s;try{s=JSON.parse(t)}catch(n){throw l.one(e,`not JSON (${n.message}); ${L}`)}let r=Xe(s);if(r)throw l.one(e,`${r}; ${L}`);return s}function je(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],s=e.map(o=>{let i=z(o.cases,o.cases),a=o.cases.reduce((p,m)=>p+m.samples.length,0);return[o.name,String(o.cases.length),String(a),A(i.passRate),A(i.softPassRate),`${F(i.tokens.input)}/${F(i.tokens.output)}`,V(i.costUsd,i.costEstimated),O(i.latencyP50Ms),O(i.latencyP95Ms),String(i.errors)]}),r=t.map((o,i)=>Math.max(o.length,...s.map(a=>a[i].length))),n=o=>o.map((i,a)=>a===0?i.padEnd(r[a]):i.padStart(r[a])).join("  ");return`${[n(t),n(r.map(o=>"-".repeat(o))),...s.map(n)].join(`
`)}
`}var Ve=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,J="  │ ";function j(e,t,s){if(!s.enabled)return e;let r=e.split(`
`),n=r.length-(r.at(-1)===""?2:1),o="none",i=-1;return r.map((a,p)=>p===0?s.bold(S(s,t)(a)):a===""?(o="none",a):p===n?s.dim(a):o==="table"?Ze(a,i,s):o==="prompt-diff"?Qe(a,s):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),s.bold(a)):Ve.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),s.bold(a)):a.startsWith(J)?J+et(a.slice(J.length),s):a).join(`
`)}function Ze(e,t,s){let r=[...e];if(t<0||r.length<=t)return e;let n=r.slice(t).join(""),o=/^\S+(?: \(\w+\))?/.exec(n)?.[0];return o?r.slice(0,t).join("")+S(s,o.replace(/^added \(|\)$/g,""))(o)+n.slice(o.length):e}function Qe(e,t){let s=e.slice(2);return s.startsWith("@@")?t.dim(e):s.startsWith("---")||s.startsWith("+++")?t.bold(e):s.startsWith("-")?t.red(e):s.startsWith("+")?t.green(e):e}function et(e,t){return e.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(s,r)=>r!==void 0?t.red(s):t.green(s))}import{mkdir as gt,stat as ht,writeFile as yt}from"node:fs/promises";import{dirname as $t,join as G}from"node:path";var tt="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",Re=".github/workflows/promptgate.yml",ke=`name: promptgate
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
`;function v(e){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(e)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(e)?e:JSON.stringify(e)}var h=e=>e.replace(/[\r\n]+/g," "),rt=`# yaml-language-server: $schema=${tt}
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
`,st=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function nt(e){let t=e.variables.length?`variables: ${e.variables.map(h).join(", ")}`:"no variables";return`  # ${h(e.file)} (${e.format}; ${t})
  - name: ${v(e.name)}
    prompt: ${v(e.file)}
    cases: ${v(e.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var ot=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function Pe(e,t,s,r){let n=[];t.length&&n.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...t.map(a=>`#   ${h(a)}`)),s.length&&n.push("# Looked like prompts but did not parse (fix them, then add a suite):",...s.map(a=>`#   ${h(a.file)}: ${h(a.why)}`)),r>0&&n.push(`# ${r} more prompt files were found; add suites for them by hand.`);let o=e.length?e.map(nt).join(`
`):ot;return`${`${rt}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${n.length?`${n.join(`
`)}
`:""}suites:${e.length?"":" []"}
${o}${st}`}function it(e){let t={};for(let s of e){let r=s.split("."),n=t;r.forEach((o,i)=>{i===r.length-1?n[o]??=`TODO: a value for {{${s}}}`:n=n[o]=typeof n[o]=="object"&&n[o]!==null?n[o]:{}})}return"expected"in t||(t.expected="TODO: what a correct answer contains"),t}function Se(e,t){return Object.entries(e).map(([s,r])=>typeof r=="object"&&r!==null?`${t}${v(s)}:
${Se(r,`${t}  `)}`:`${t}${v(s)}: ${JSON.stringify(r)}`).join(`
`)}function Ae(e){let t=Se(it(e.variables),"    ");return`# Cases for suite \`${h(e.name)}\` (${h(e.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${t}
`}var R="promptgate.yml",H=".github/promptgate.yml",at=50,pt=/\.(prompty|prompt)$/i,mt=/\.(md|txt|json|ya?ml)$/i,ut=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function ct(e){if(_(e)||pt.test(e))return!0;if(!mt.test(e)||e.startsWith(".github/")||e===R)return!1;let t=e.split("/"),s=t.at(-1);return ut.test(s)||t.some(r=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(r))?!1:t.some(r=>/prompt/i.test(r))}function lt(e){return e.problems?.[0]?.message??(e instanceof Error?e.message:String(e))}async function dt(e){let t=[],s=[],r=[];for(let n of(await e.list()).filter(ct)){if(_(n)){s.push(n);continue}let o=await e.read(n);if(o!==void 0)try{let i=Q(n,o);if(i.format==="template"&&i.variables.length===0)continue;t.push({file:n,format:i.format,variables:i.variables})}catch(i){if(Z(n)==="chat")continue;r.push({file:n,why:lt(i)})}}return{prompts:t,promptYml:s,skipped:r}}function ft(e){let t=(r,n)=>r.replace(/\.[^./]+$/,"").split("/").slice(-n).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",s=e.map(r=>t(r,1));for(let r=2;r<=8;r++){let n=new Set(s.filter((o,i)=>s.indexOf(o)!==i));if(n.size===0)break;e.forEach((o,i)=>{n.has(s[i])&&(s[i]=t(o,r))})}return s.map((r,n)=>s.indexOf(r)===n?r:`${r}-${n+1}`)}async function Oe(e){let t=await dt(e),s=t.prompts.slice(0,at),r=ft(s.map(i=>i.file)),n=s.map((i,a)=>({...i,name:r[a],cases:`evals/${r[a]}.yaml`})),o=[{path:R,text:Pe(n,t.promptYml,t.skipped,t.prompts.length-s.length)},...n.map(i=>({path:i.cases,text:Ae(i)})),{path:Re,text:ke}];return{suites:n,promptYml:t.promptYml,skipped:t.skipped,files:o}}async function wt(e){try{return await ht(e),!0}catch{return!1}}async function Fe(e){let t=await Oe(new C(e.cwd)),s=[...t.files.map(n=>n.path),H];for(let n of s){if(!await wt(G(e.cwd,n)))continue;let o=n===H?`a config already exists (init writes ${R})`:"already exists";throw l.one(n,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let n of t.files){await gt($t(G(e.cwd,n.path)),{recursive:!0});try{await yt(G(e.cwd,n.path),n.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:l.one(n.path,"already exists; `promptgate init` never overwrites a file")}e.stdout.write(`wrote ${n.path}
`)}let r=t.suites.length?`${$(t.suites.length,"suite")}: ${t.suites.map(n=>`${n.name} (${n.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";e.stdout.write(`${r}
`),t.promptYml.length&&e.stdout.write(`${$(t.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let n of t.skipped)e.log.warn(`${n.file}: not added, it does not parse as a prompt: ${n.why}`);return e.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}import{mkdir as bt,writeFile as _e}from"node:fs/promises";import{join as U,resolve as vt}from"node:path";async function Ee(e,t,s){let{drift:r,stopped:n}=await fe({...s.options,suites:e.suites,baselineDir:e.baseline,accept:e.accept});s.progress.finish();let o=vt(t.cwd,e.outDir);await bt(o,{recursive:!0});let i=`${JSON.stringify(r,null,2)}
`;if(await _e(U(o,"drift.json"),i),await _e(U(o,"drift.md"),ge(r)),e.format==="json")t.stdout.write(i);else{let a=u(t.stdout,t.env);t.stdout.write(j(w(r.report),r.report.verdict,a)),t.stdout.write(`${Ct(r)}
`)}return t.log.info(`wrote ${U(e.outDir,"drift.json")} and drift.md`),r.accepted?t.log.info(`the fresh answers are the baseline now (${e.baseline})`):r.recorded.length&&t.log.info(`baseline recorded for ${r.recorded.join(", ")} in ${e.baseline}`),n?(t.stderr.write(`${u(t.stderr,t.env).red("error:")} run stopped early: ${f(n)}
`),3):r.verdict==="fail"?1:0}function Ct(e){if(!e.models.length)return"Models: nothing compared (no baseline yet)";let t=r=>E(r.join(", ")||"—"),s=(r,n)=>t(r)===t(n)?`${t(r)} (unchanged)`:`${t(r)} → ${t(n)}`;return["Models (baseline → fresh):",...e.models.map(r=>`  ${E(r.suite)}: model ${s(r.baseline.models,r.fresh.models)} · system_fingerprint ${s(r.baseline.fingerprints,r.fresh.fingerprints)}`)].join(`
`)}function Pt(e){return e.cancelled||e.stopped?3:e.verdict==="fail"?1:0}async function d(e,t){await jt(kt(e),{recursive:!0}),await Rt(e,t)}function St(e){let t=0,s=0,r="";for(let n of e)for(let o of n.cases)for(let i of o.samples)s++,i.error!==void 0&&(t++,r||(r=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${n.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return t?f(`${t} of ${s} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${r}`):""}async function Lr(e,t){switch(e.command){case"validate":return At(e,t);case"run":return Ot(e,t);case"compare":return Ft(e,t);case"merge":return Et(e,t);case"render":return It(e,t);case"init":return Fe(t);case"drift":return Ee(e,t,Y(e,t))}}function Y(e,t){let s=de(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,redactor:t.redactor,signal:t.signal,onProgress:s.update},progress:s}}async function At(e,t){let s=new C(t.cwd),{config:r,file:n}=await X(s,e.config),o=await ae(s,r,n,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(q(i))});return t.stdout.write(`${n??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function Ot(e,t){let{options:s,progress:r}=Y(e,t),n=await pe({...s,suites:e.suites});r.finish();let o=n.sides[0],i=B({configFile:n.configFile,runs:o,calls:n.calls,stopped:n.stopped,pricing:n.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let m=u(t.stdout,t.env),[P="",...Ne]=je(o).split(`
`);t.stdout.write([m.bold(P),...Ne].join(`
`)),t.stdout.write(m.dim(`calls: ${n.calls.made} made, ${n.calls.cached} from cache, ${n.calls.failed} failed`)+`
`)}if(e.out&&(await d(k(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await Ie(e.junit,we(i),t),n.stopped)return t.stderr.write(`${u(t.stderr,t.env).red("error:")} run stopped early: ${f(n.stopped)}
`),3;for(let m of n.suites)for(let P of m.unsupported)t.log.warn(`${m.prompt.file}: suite ${m.name}: ${P}`);let p=St(o);return p&&t.log.warn(p),0}async function Ft(e,t){let{options:s,progress:r}=Y(e,t),n={...s,base:e.base,head:e.head,all:e.all,revisions:t.revisions};if(e.shard){let i=await re({...n,shard:e.shard});return r.finish(),_t(i,e,t)}let{report:o}=await ee(n);return r.finish(),Te(o,e,t)}async function _t(e,t,s){let r=ne(e),n=y(t.outDir,se(r.shard)),o=JSON.stringify(s.redactor?s.redactor.redactDeep(r):r);await d(k(s.cwd,n),`${o}
`);let i=e.input.suites.reduce((a,p)=>a+((p.head??p.base)?.cases.length??0),0);if(s.log.info(`wrote ${n} (shard ${K(r.shard)}: ${i} case(s)); combine the shards with \`promptgate merge\``),e.input.stopped||e.input.cancelled){let a=e.input.stopped??"cancelled";return s.stderr.write(`${u(s.stderr,s.env).red("error:")} run stopped early: ${f(a)}
`),3}return 0}async function Et(e,t){let s=await oe(t.cwd,e.paths),{report:r}=te(ie(s),t.redactor);return t.log.info(`merged ${s.length} shard(s)`),Te(r,e,t)}async function Te(e,t,s){let r=k(s.cwd,t.outDir),{json:n,cases:o}=ce(e);await d(y(r,"report.json"),n),await d(y(r,b),o),await d(y(r,"report.md"),N(e)),await d(y(r,"summary.md"),D(e)),await d(y(r,"report.html"),W(e)),t.format==="json"?s.stdout.write(n):s.stdout.write(j(w(e),e.verdict,u(s.stdout,s.env))),s.log.info(`wrote ${y(t.outDir,"report.md")}, summary.md, report.json, ${b} and report.html`),t.junit&&await Ie(t.junit,$e(e),s);let i=Pt(e),a=u(s.stderr,s.env);return e.stopped?s.stderr.write(`${i===3?a.red("error:"):a.yellow("warning:")} run stopped early: ${f(e.stopped)}; the report covers what ran
`):e.calls.failed&&s.log.warn(`${e.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),i}async function Ie(e,t,s){await d(k(s.cwd,e),t),s.log.info(`wrote ${e}`)}var Tt={summary:D,plain:w,md:N,html:W};async function It(e,t){let{report:s,warning:r}=await Ce(t.cwd,e.file);r&&t.log.warn(r);let n=Tt[e.format](s);return t.stdout.write(n.endsWith(`
`)?n:`${n}
`),0}export{Pt as exitCodeFor,St as failedSamples,Lr as runCommand};
