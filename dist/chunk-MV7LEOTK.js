import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as $e,d as we}from"./chunk-EFFXDP63.js";import{a as z}from"./chunk-S2S7QUUR.js";import{a as ie,b as ae}from"./chunk-HDCNY6N3.js";import{B as N,C as D,D as y,E as ue,F as ce,b as Q,c as ee,d as te,e as re,f as ne,g as se,h as oe,j as T,o as I,p as pe,t as me}from"./chunk-FRUUNUBA.js";import{F as X,M as _,R as V,S as Z,k as K}from"./chunk-CGKF5LUQ.js";import"./chunk-GGAYPTL6.js";import{a as u,b as S}from"./chunk-BUX5ENGT.js";import{b as q}from"./chunk-JZFNH2NW.js";import{f as b}from"./chunk-HPETQO75.js";import{D as E,E as $,F as le,G as de,H as fe,I as ge,J as he,K as ye,i as A,p as B,q as O,s as F,u as h}from"./chunk-KGYLUDBN.js";import"./chunk-6POYHWC5.js";import"./chunk-ITCX4ZYK.js";import{a as d,b as Y,c as l}from"./chunk-BHRI4ICT.js";import"./chunk-5SILH6BQ.js";import{mkdir as St}from"node:fs/promises";import{dirname as At,join as j,resolve as R}from"node:path";var W=4e3,be=1e3,Le=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function Je(e){return e.replace(Le,t=>`\\u${t.charCodeAt(0).toString(16).padStart(4,"0")}`)}function M(e){return Je(e).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function c(e){return M(e).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function He(e){let t=e.replace(/\s*\n\s*/g," ");return t.length>be?`${t.slice(0,be)}…`:t}function Ge(e){let t=[`name="${c(e.name)}"`,`classname="${c(e.classname)}"`];e.file&&t.push(`file="${c(e.file)}"`),e.line&&t.push(`line="${e.line}"`);let r=`    <testcase ${t.join(" ")}`,n=e.outcome;if(n.kind==="pass")return n.out?`${r}>
      <system-out>${M(n.out)}</system-out>
    </testcase>`:`${r}/>`;if(n.kind==="skipped")return`${r}>
      <skipped message="${c(n.message)}"/>
    </testcase>`;let s=c(He(n.message));return`${r}>
      <${n.kind} type="${c(n.type)}" message="${s}">${M(n.body)}</${n.kind}>
    </testcase>`}function Ue(e,t,r){let n=a=>t.filter(p=>p.outcome.kind===a).length,s=`name="${c(e)}" tests="${t.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}"`,o=r.length?`    <properties>
${r.map(([a,p])=>`      <property name="${c(a)}" value="${c(p)}"/>`).join(`
`)}
    </properties>
`:"",i=t.map(Ge).join(`
`);return`  <testsuite ${s}>
${o}${i}${i?`
`:""}  </testsuite>`}function ve(e){let t=e.flatMap(o=>o.cases),r=o=>t.filter(i=>i.outcome.kind===o).length,n=`<testsuites name="promptgate" tests="${t.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}">`,s=e.map(o=>Ue(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${n}
${s}${s?`
`:""}</testsuites>
`}function Ye(e){return(e??[]).map(t=>typeof t=="string"?t:"code"in t?t.code:t.strong).join("")}function qe(e,t){let r=t.source?{file:t.source.file,line:t.source.line}:{},n=`passed ${I(t.base)} → ${I(t.head)}`,s={name:t.id,classname:e.name,...r};if(t.change==="regressed"){let o=Ye(pe(t)),i=t.base.output===t.head.output?`output (identical on both sides):
${T(t.head.output,W)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${me(t.base.output,t.head.output,{maxChars:W})}`;return{...s,outcome:{kind:"failure",type:"regressed",message:`regressed: ${n}${o?` — ${o}`:""}`,body:i}}}if(t.change==="error"){let o=`errors: base ${t.base.errors??0}, head ${t.head.errors??0}`,i=t.head.runs===0?t.head.output:t.base.output;return{...s,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...s,outcome:{kind:"pass",out:`${t.change}: ${n}`}}}function Ke(e){let t={name:"gate",classname:e.name},r=e.reasons.join(`
`);return e.status==="error"?{...t,outcome:{kind:"error",type:"error",message:e.error??"the suite could not run",body:e.error??""}}:e.status==="skipped"||e.status==="removed"?{...t,outcome:{kind:"skipped",message:r||`suite ${e.status}`}}:e.verdict==="fail"?{...t,outcome:{kind:"failure",type:"gate",message:r||"the gate failed",body:r}}:{...t,outcome:{kind:"pass",out:`${e.verdict}${r?`: ${r}`:""}`}}}function Ce(e){return ve(e.suites.map(t=>({name:t.name,cases:[Ke(t),...t.caseResults.map(r=>qe(t,r))],properties:[["status",t.status],["verdict",t.verdict],["repeats",String(t.repeats)],["base",`${e.base.ref} ${e.base.sha}`],["head",`${e.head.ref} ${e.head.sha}`]]})))}function Xe(e,t){let r={name:t.id,classname:e.name,file:t.source.file,line:t.source.line},n=t.samples.filter(p=>p.call&&p.error===void 0);if(n.length===0){let p=t.samples.find(m=>m.error!==void 0)?.error??"no sample ran";return{...r,outcome:{kind:"error",type:"error",message:p,body:p}}}let s=n.filter(p=>!p.hardPass);if(s.length===0)return{...r,outcome:{kind:"pass"}};let o=s[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...r,outcome:{kind:"failure",type:"assertion",message:`failed ${s.length} of ${h(n.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${T(o.call?.output??"",W)}`}}}function je(e){return ve(e.suites.map(t=>({name:t.name,cases:t.run.cases.map(r=>Xe(t,r)),properties:[["model",t.model],["repeats",String(t.repeats)]]})))}import{readFile as Re}from"node:fs/promises";import{basename as ze,dirname as Be,join as Ve,resolve as Pe}from"node:path";var x="give the path of a report.json written by `promptgate compare`",f=e=>typeof e=="object"&&e!==null&&!Array.isArray(e);function Ze(e){if(!f(e))return"not a JSON object";if(e.kind==="run"||Array.isArray(e.suites)&&e.suites.some(n=>f(n)&&"run"in n))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(e.version!==1&&e.version!==2)return`not a promptgate report.json (version ${JSON.stringify(e.version??null)}, expected 1 or 2)`;let t=["verdict","base","head","suites","calls","gate"].filter(n=>e[n]===void 0);if(t.length)return`not a promptgate report.json (no ${t.map(n=>`\`${n}\``).join(", ")})`;if(!Array.isArray(e.suites)||!f(e.calls)||!f(e.gate)||!f(e.base)||!f(e.head))return"not a promptgate report.json (fields of the wrong type)";let r=e.suites.findIndex(n=>!f(n)||typeof n.name!="string"||typeof n.status!="string"||!Array.isArray(n.caseResults)||!Array.isArray(n.reasons));if(r>=0)return`not a promptgate report.json (suites[${r}] is incomplete)`}async function Qe(e,t){try{return await Re(Pe(e,t),"utf8")}catch(r){let n=r.code;throw l.one(t,`${n==="ENOENT"?"file not found":`cannot read the file (${n??r.message})`}; ${x}`)}}async function ke(e,t){let r=et(t,await Qe(e,t));if(r.version!==2)return{report:r};let n=Ve(Be(t),ze(r.casesFile??$)),s;try{s=await Re(Pe(e,n),"utf8")}catch{let i=r.suites.reduce((a,p)=>a+(p.unchangedCases??0),0);return{report:r,warning:`${n} not found: ${i} unchanged case(s) are not listed`}}let o=fe(r,s);if("problem"in o)throw l.one(n,`${o.problem}; give the cases.jsonl written with this report.json`);return{report:o}}function et(e,t){let r;try{r=JSON.parse(t)}catch(s){throw l.one(e,`not JSON (${s.message}); ${x}`)}let n=Ze(r);if(n)throw l.one(e,`${n}; ${x}`);return r}function Se(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],r=e.map(o=>{let i=X(o.cases,o.cases),a=o.cases.reduce((p,m)=>p+m.samples.length,0);return[o.name,String(o.cases.length),String(a),A(i.passRate),A(i.softPassRate),`${F(i.tokens.input)}/${F(i.tokens.output)}`,B(i.costUsd,i.costEstimated),O(i.latencyP50Ms),O(i.latencyP95Ms),String(i.errors)]}),n=t.map((o,i)=>Math.max(o.length,...r.map(a=>a[i].length))),s=o=>o.map((i,a)=>a===0?i.padEnd(n[a]):i.padStart(n[a])).join("  ");return`${[s(t),s(n.map(o=>"-".repeat(o))),...r.map(s)].join(`
`)}
`}var tt=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,L="  │ ";function v(e,t,r){if(!r.enabled)return e;let n=e.split(`
`),s=n.length-(n.at(-1)===""?2:1),o="none",i=-1;return n.map((a,p)=>p===0?r.bold(S(r,t)(a)):a===""?(o="none",a):p===s?r.dim(a):o==="table"?rt(a,i,r):o==="prompt-diff"?nt(a,r):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),r.bold(a)):tt.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),r.bold(a)):a.startsWith(L)?L+st(a.slice(L.length),r):a).join(`
`)}function rt(e,t,r){let n=[...e];if(t<0||n.length<=t)return e;let s=n.slice(t).join(""),o=/^\S+(?: \(\w+\))?/.exec(s)?.[0];return o?n.slice(0,t).join("")+S(r,o.replace(/^added \(|\)$/g,""))(o)+s.slice(o.length):e}function nt(e,t){let r=e.slice(2);return r.startsWith("@@")?t.dim(e):r.startsWith("---")||r.startsWith("+++")?t.bold(e):r.startsWith("-")?t.red(e):r.startsWith("+")?t.green(e):e}function st(e,t){return e.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(r,n)=>n!==void 0?t.red(r):t.green(r))}import{mkdir as wt,stat as bt,writeFile as vt}from"node:fs/promises";import{dirname as Ct,join as H}from"node:path";var ot="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",Ae=".github/workflows/promptgate.yml",Oe=`name: promptgate
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
`;function w(e){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(e)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(e)?e:JSON.stringify(e)}var g=e=>e.replace(/[\r\n]+/g," "),it=`# yaml-language-server: $schema=${ot}
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
`,at=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function pt(e){let t=e.variables.length?`variables: ${e.variables.map(g).join(", ")}`:"no variables";return`  # ${g(e.file)} (${e.format}; ${t})
  - name: ${w(e.name)}
    prompt: ${w(e.file)}
    cases: ${w(e.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var mt=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function Fe(e,t,r,n){let s=[];t.length&&s.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...t.map(a=>`#   ${g(a)}`)),r.length&&s.push("# Looked like prompts but did not parse (fix them, then add a suite):",...r.map(a=>`#   ${g(a.file)}: ${g(a.why)}`)),n>0&&s.push(`# ${n} more prompt files were found; add suites for them by hand.`);let o=e.length?e.map(pt).join(`
`):mt;return`${`${it}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${s.length?`${s.join(`
`)}
`:""}suites:${e.length?"":" []"}
${o}${at}`}function ut(e){let t={};for(let r of e){let n=r.split("."),s=t;n.forEach((o,i)=>{i===n.length-1?s[o]??=`TODO: a value for {{${r}}}`:s=s[o]=typeof s[o]=="object"&&s[o]!==null?s[o]:{}})}return"expected"in t||(t.expected="TODO: what a correct answer contains"),t}function _e(e,t){return Object.entries(e).map(([r,n])=>typeof n=="object"&&n!==null?`${t}${w(r)}:
${_e(n,`${t}  `)}`:`${t}${w(r)}: ${JSON.stringify(n)}`).join(`
`)}function Ee(e){let t=_e(ut(e.variables),"    ");return`# Cases for suite \`${g(e.name)}\` (${g(e.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${t}
`}var C="promptgate.yml",J=".github/promptgate.yml",ct=50,lt=/\.(prompty|prompt)$/i,dt=/\.(md|txt|json|ya?ml)$/i,ft=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function gt(e){if(_(e)||lt.test(e))return!0;if(!dt.test(e)||e.startsWith(".github/")||e===C)return!1;let t=e.split("/"),r=t.at(-1);return ft.test(r)||t.some(n=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(n))?!1:t.some(n=>/prompt/i.test(n))}function ht(e){return e.problems?.[0]?.message??(e instanceof Error?e.message:String(e))}async function yt(e){let t=[],r=[],n=[];for(let s of(await e.list()).filter(gt)){if(_(s)){r.push(s);continue}let o=await e.read(s);if(o!==void 0)try{let i=Z(s,o);if(i.format==="template"&&i.variables.length===0)continue;t.push({file:s,format:i.format,variables:i.variables})}catch(i){if(V(s)==="chat")continue;n.push({file:s,why:ht(i)})}}return{prompts:t,promptYml:r,skipped:n}}function $t(e){let t=(n,s)=>n.replace(/\.[^./]+$/,"").split("/").slice(-s).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",r=e.map(n=>t(n,1));for(let n=2;n<=8;n++){let s=new Set(r.filter((o,i)=>r.indexOf(o)!==i));if(s.size===0)break;e.forEach((o,i)=>{s.has(r[i])&&(r[i]=t(o,n))})}return r.map((n,s)=>r.indexOf(n)===s?n:`${n}-${s+1}`)}async function Te(e){let t=await yt(e),r=t.prompts.slice(0,ct),n=$t(r.map(i=>i.file)),s=r.map((i,a)=>({...i,name:n[a],cases:`evals/${n[a]}.yaml`})),o=[{path:C,text:Fe(s,t.promptYml,t.skipped,t.prompts.length-r.length)},...s.map(i=>({path:i.cases,text:Ee(i)})),{path:Ae,text:Oe}];return{suites:s,promptYml:t.promptYml,skipped:t.skipped,files:o}}async function jt(e){try{return await bt(e),!0}catch{return!1}}async function Ie(e){let t=await Te(new b(e.cwd)),r=[...t.files.map(s=>s.path),J];for(let s of r){if(!await jt(H(e.cwd,s)))continue;let o=s===J?`a config already exists (init writes ${C})`:"already exists";throw l.one(s,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let s of t.files){await wt(Ct(H(e.cwd,s.path)),{recursive:!0});try{await vt(H(e.cwd,s.path),s.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:l.one(s.path,"already exists; `promptgate init` never overwrites a file")}e.stdout.write(`wrote ${s.path}
`)}let n=t.suites.length?`${h(t.suites.length,"suite")}: ${t.suites.map(s=>`${s.name} (${s.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";e.stdout.write(`${n}
`),t.promptYml.length&&e.stdout.write(`${h(t.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let s of t.skipped)e.log.warn(`${s.file}: not added, it does not parse as a prompt: ${s.why}`);return e.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}import{mkdir as Rt,writeFile as Ne}from"node:fs/promises";import{join as G,resolve as Pt}from"node:path";async function De(e,t,r){let{drift:n,stopped:s}=await $e({...r.options,suites:e.suites,baselineDir:e.baseline,accept:e.accept});r.progress.finish();let o=Pt(t.cwd,e.outDir);await Rt(o,{recursive:!0});let i=`${JSON.stringify(n,null,2)}
`;if(await Ne(G(o,"drift.json"),i),await Ne(G(o,"drift.md"),we(n)),e.format==="json")t.stdout.write(i);else{let a=u(t.stdout,t.env);t.stdout.write(v(y(n.report),n.report.verdict,a)),t.stdout.write(`${kt(n)}
`)}return t.log.info(`wrote ${G(e.outDir,"drift.json")} and drift.md`),n.accepted?t.log.info(`the fresh answers are the baseline now (${e.baseline})`):n.recorded.length&&t.log.info(`baseline recorded for ${n.recorded.join(", ")} in ${e.baseline}`),s?(t.stderr.write(`${u(t.stderr,t.env).red("error:")} run stopped early: ${d(s)}
`),3):n.verdict==="fail"?1:0}function kt(e){if(!e.models.length)return"Models: nothing compared (no baseline yet)";let t=n=>E(n.join(", ")||"—"),r=(n,s)=>t(n)===t(s)?`${t(n)} (unchanged)`:`${t(n)} → ${t(s)}`;return["Models (baseline → fresh):",...e.models.map(n=>`  ${E(n.suite)}: model ${r(n.baseline.models,n.fresh.models)} · system_fingerprint ${r(n.baseline.fingerprints,n.fresh.fingerprints)}`)].join(`
`)}function Ot(e){return e.cancelled||e.stopped?3:e.verdict==="fail"?1:0}async function P(e,t,r){try{await St(At(e),{recursive:!0})}catch(n){throw ge(r??e,n)}await he(e,typeof t=="string"?[t]:t,r)}function Ft(e){let t=0,r=0,n="";for(let s of e)for(let o of s.cases)for(let i of o.samples)r++,i.error!==void 0&&(t++,n||(n=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${s.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return t?d(`${t} of ${r} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${n}`):""}async function Ur(e,t){switch(e.command){case"validate":return _t(e,t);case"run":return Et(e,t);case"compare":return Tt(e,t);case"merge":return Nt(e,t);case"render":return Wt(e,t);case"init":return Ie(t);case"drift":return De(e,t,U(e,t))}}function U(e,t){let r=ye(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,redactor:t.redactor,signal:t.signal,onProgress:r.update},progress:r}}async function _t(e,t){let r=new b(t.cwd),{config:n,file:s}=await K(r,e.config),o=await ie(r,n,s,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(Y(i))});return t.stdout.write(`${s??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function Et(e,t){let{options:r,progress:n}=U(e,t),s=await ae({...r,suites:e.suites});n.finish();let o=s.sides[0],i=z({configFile:s.configFile,runs:o,calls:s.calls,stopped:s.stopped,pricing:s.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let m=u(t.stdout,t.env),[k="",...xe]=Se(o).split(`
`);t.stdout.write([m.bold(k),...xe].join(`
`)),t.stdout.write(m.dim(`calls: ${s.calls.made} made, ${s.calls.cached} from cache, ${s.calls.failed} failed`)+`
`)}if(e.out&&(await P(R(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await Me(e.junit,je(i),t),s.stopped)return t.stderr.write(`${u(t.stderr,t.env).red("error:")} run stopped early: ${d(s.stopped)}
`),3;for(let m of s.suites)for(let k of m.unsupported)t.log.warn(`${m.prompt.file}: suite ${m.name}: ${k}`);let p=Ft(o);return p&&t.log.warn(p),0}async function Tt(e,t){let{options:r,progress:n}=U(e,t),s={...r,base:e.base,head:e.head,all:e.all,revisions:t.revisions};if(e.shard){let i=await te({...s,shard:e.shard});return n.finish(),It(i,e,t)}let{report:o}=await Q(s);return n.finish(),We(o,e,t)}async function It(e,t,r){let n=ne(e),s=j(t.outDir,re(n.shard)),o=JSON.stringify(r.redactor?r.redactor.redactDeep(n):n);await P(R(r.cwd,s),`${o}
`);let i=e.input.suites.reduce((a,p)=>a+((p.head??p.base)?.cases.length??0),0);if(r.log.info(`wrote ${s} (shard ${q(n.shard)}: ${i} case(s)); combine the shards with \`promptgate merge\``),e.input.stopped||e.input.cancelled){let a=e.input.stopped??"cancelled";return r.stderr.write(`${u(r.stderr,r.env).red("error:")} run stopped early: ${d(a)}
`),3}return 0}async function Nt(e,t){let r=await se(t.cwd,e.paths),{report:n}=ee(oe(r),t.redactor);return t.log.info(`merged ${r.length} shard(s)`),We(n,e,t)}async function We(e,t,r){let n=R(r.cwd,t.outDir),s=le(e),o=(p,m)=>P(j(n,p),m,j(t.outDir,p));await o("report.json",s),await o($,de(e)),await o("report.md",N(e)),await o("summary.md",D(e)),await o("report.html",ce(e)),t.format==="json"?r.stdout.write(s):r.stdout.write(v(y(e),e.verdict,u(r.stdout,r.env))),r.log.info(`wrote ${j(t.outDir,"report.md")}, summary.md, report.json, ${$} and report.html`),t.junit&&await Me(t.junit,Ce(e),r);let i=Ot(e),a=u(r.stderr,r.env);return e.stopped?r.stderr.write(`${i===3?a.red("error:"):a.yellow("warning:")} run stopped early: ${d(e.stopped)}; the report covers what ran
`):e.calls.failed&&r.log.warn(`${e.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),i}async function Me(e,t,r){await P(R(r.cwd,e),t),r.log.info(`wrote ${e}`)}var Dt={summary:D,plain:y,md:N,html:ue};async function Wt(e,t){let{report:r,warning:n}=await ke(t.cwd,e.file);n&&t.log.warn(n);let s=Dt[e.format](r);return t.stdout.write(s.endsWith(`
`)?s:`${s}
`),0}export{Ot as exitCodeFor,Ft as failedSamples,Ur as runCommand};
