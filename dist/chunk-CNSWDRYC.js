import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as ae,d as pe}from"./chunk-BFQ45KJM.js";import{a as z}from"./chunk-7S2OZHKF.js";import{a as ee,b as te}from"./chunk-FDA7DQWW.js";import{b as Q,d as F,h as T,i as re,l as se,w as I,x as N,y as w,z as x}from"./chunk-ENPEKWR2.js";import{D as X,H as _,K as V,L as Z,j as K}from"./chunk-NGNNI5LO.js";import{a as l,b as S}from"./chunk-BUX5ENGT.js";import"./chunk-TDESADDE.js";import{f as j}from"./chunk-HPETQO75.js";import{B as E,C as b,D as ne,E as oe,F as ie,i as P,p as B,q as A,s as O,t as $}from"./chunk-MCTJE3GJ.js";import{a as h,b as q,c}from"./chunk-BHRI4ICT.js";import"./chunk-5SILH6BQ.js";import{mkdir as gt,writeFile as ht}from"node:fs/promises";import{dirname as yt,join as y,resolve as U}from"node:path";var D=4e3,me=1e3,Ae=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function Oe(t){return t.replace(Ae,e=>`\\u${e.charCodeAt(0).toString(16).padStart(4,"0")}`)}function W(t){return Oe(t).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function u(t){return W(t).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function _e(t){let e=t.replace(/\s*\n\s*/g," ");return e.length>me?`${e.slice(0,me)}…`:e}function Ee(t){let e=[`name="${u(t.name)}"`,`classname="${u(t.classname)}"`];t.file&&e.push(`file="${u(t.file)}"`),t.line&&e.push(`line="${t.line}"`);let n=`    <testcase ${e.join(" ")}`,r=t.outcome;if(r.kind==="pass")return r.out?`${n}>
      <system-out>${W(r.out)}</system-out>
    </testcase>`:`${n}/>`;if(r.kind==="skipped")return`${n}>
      <skipped message="${u(r.message)}"/>
    </testcase>`;let s=u(_e(r.message));return`${n}>
      <${r.kind} type="${u(r.type)}" message="${s}">${W(r.body)}</${r.kind}>
    </testcase>`}function Fe(t,e,n){let r=a=>e.filter(p=>p.outcome.kind===a).length,s=`name="${u(t)}" tests="${e.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}"`,o=n.length?`    <properties>
${n.map(([a,p])=>`      <property name="${u(a)}" value="${u(p)}"/>`).join(`
`)}
    </properties>
`:"",i=e.map(Ee).join(`
`);return`  <testsuite ${s}>
${o}${i}${i?`
`:""}  </testsuite>`}function ue(t){let e=t.flatMap(o=>o.cases),n=o=>e.filter(i=>i.outcome.kind===o).length,r=`<testsuites name="promptgate" tests="${e.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}">`,s=t.map(o=>Fe(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${r}
${s}${s?`
`:""}</testsuites>
`}function Te(t){return(t??[]).map(e=>typeof e=="string"?e:"code"in e?e.code:e.strong).join("")}function Ie(t,e){let n=e.source?{file:e.source.file,line:e.source.line}:{},r=`passed ${T(e.base)} → ${T(e.head)}`,s={name:e.id,classname:t.name,...n};if(e.change==="regressed"){let o=Te(re(e)),i=e.base.output===e.head.output?`output (identical on both sides):
${F(e.head.output,D)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${se(e.base.output,e.head.output,{maxChars:D})}`;return{...s,outcome:{kind:"failure",type:"regressed",message:`regressed: ${r}${o?` — ${o}`:""}`,body:i}}}if(e.change==="error"){let o=`errors: base ${e.base.errors??0}, head ${e.head.errors??0}`,i=e.head.runs===0?e.head.output:e.base.output;return{...s,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...s,outcome:{kind:"pass",out:`${e.change}: ${r}`}}}function Ne(t){let e={name:"gate",classname:t.name},n=t.reasons.join(`
`);return t.status==="error"?{...e,outcome:{kind:"error",type:"error",message:t.error??"the suite could not run",body:t.error??""}}:t.status==="skipped"||t.status==="removed"?{...e,outcome:{kind:"skipped",message:n||`suite ${t.status}`}}:t.verdict==="fail"?{...e,outcome:{kind:"failure",type:"gate",message:n||"the gate failed",body:n}}:{...e,outcome:{kind:"pass",out:`${t.verdict}${n?`: ${n}`:""}`}}}function ce(t){return ue(t.suites.map(e=>({name:e.name,cases:[Ne(e),...e.caseResults.map(n=>Ie(e,n))],properties:[["status",e.status],["verdict",e.verdict],["repeats",String(e.repeats)],["base",`${t.base.ref} ${t.base.sha}`],["head",`${t.head.ref} ${t.head.sha}`]]})))}function xe(t,e){let n={name:e.id,classname:t.name,file:e.source.file,line:e.source.line},r=e.samples.filter(p=>p.call&&p.error===void 0);if(r.length===0){let p=e.samples.find(m=>m.error!==void 0)?.error??"no sample ran";return{...n,outcome:{kind:"error",type:"error",message:p,body:p}}}let s=r.filter(p=>!p.hardPass);if(s.length===0)return{...n,outcome:{kind:"pass"}};let o=s[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...n,outcome:{kind:"failure",type:"assertion",message:`failed ${s.length} of ${$(r.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${F(o.call?.output??"",D)}`}}}function le(t){return ue(t.suites.map(e=>({name:e.name,cases:e.run.cases.map(n=>xe(e,n)),properties:[["model",e.model],["repeats",String(e.repeats)]]})))}import{readFile as de}from"node:fs/promises";import{basename as De,dirname as We,join as Me,resolve as fe}from"node:path";var M="give the path of a report.json written by `promptgate compare`",d=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);function Le(t){if(!d(t))return"not a JSON object";if(t.kind==="run"||Array.isArray(t.suites)&&t.suites.some(r=>d(r)&&"run"in r))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(t.version!==1&&t.version!==2)return`not a promptgate report.json (version ${JSON.stringify(t.version??null)}, expected 1 or 2)`;let e=["verdict","base","head","suites","calls","gate"].filter(r=>t[r]===void 0);if(e.length)return`not a promptgate report.json (no ${e.map(r=>`\`${r}\``).join(", ")})`;if(!Array.isArray(t.suites)||!d(t.calls)||!d(t.gate)||!d(t.base)||!d(t.head))return"not a promptgate report.json (fields of the wrong type)";let n=t.suites.findIndex(r=>!d(r)||typeof r.name!="string"||typeof r.status!="string"||!Array.isArray(r.caseResults)||!Array.isArray(r.reasons));if(n>=0)return`not a promptgate report.json (suites[${n}] is incomplete)`}async function Je(t,e){try{return await de(fe(t,e),"utf8")}catch(n){let r=n.code;throw c.one(e,`${r==="ENOENT"?"file not found":`cannot read the file (${r??n.message})`}; ${M}`)}}async function ge(t,e){let n=He(e,await Je(t,e));if(n.version!==2)return{report:n};let r=Me(We(e),De(n.casesFile??b)),s;try{s=await de(fe(t,r),"utf8")}catch{let i=n.suites.reduce((a,p)=>a+(p.unchangedCases??0),0);return{report:n,warning:`${r} not found: ${i} unchanged case(s) are not listed`}}let o=oe(n,s);if("problem"in o)throw c.one(r,`${o.problem}; give the cases.jsonl written with this report.json`);return{report:o}}function He(t,e){let n;try{n=JSON.parse(e)}catch(s){throw c.one(t,`not JSON (${s.message}); ${M}`)}let r=Le(n);if(r)throw c.one(t,`${r}; ${M}`);return n}function he(t){let e=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],n=t.map(o=>{let i=X(o.cases,o.cases),a=o.cases.reduce((p,m)=>p+m.samples.length,0);return[o.name,String(o.cases.length),String(a),P(i.passRate),P(i.softPassRate),`${O(i.tokens.input)}/${O(i.tokens.output)}`,B(i.costUsd,i.costEstimated),A(i.latencyP50Ms),A(i.latencyP95Ms),String(i.errors)]}),r=e.map((o,i)=>Math.max(o.length,...n.map(a=>a[i].length))),s=o=>o.map((i,a)=>a===0?i.padEnd(r[a]):i.padStart(r[a])).join("  ");return`${[s(e),s(r.map(o=>"-".repeat(o))),...n.map(s)].join(`
`)}
`}var Ge=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,L="  │ ";function C(t,e,n){if(!n.enabled)return t;let r=t.split(`
`),s=r.length-(r.at(-1)===""?2:1),o="none",i=-1;return r.map((a,p)=>p===0?n.bold(S(n,e)(a)):a===""?(o="none",a):p===s?n.dim(a):o==="table"?Ue(a,i,n):o==="prompt-diff"?Ye(a,n):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),n.bold(a)):Ge.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),n.bold(a)):a.startsWith(L)?L+qe(a.slice(L.length),n):a).join(`
`)}function Ue(t,e,n){let r=[...t];if(e<0||r.length<=e)return t;let s=r.slice(e).join(""),o=/^\S+(?: \(\w+\))?/.exec(s)?.[0];return o?r.slice(0,e).join("")+S(n,o.replace(/^added \(|\)$/g,""))(o)+s.slice(o.length):t}function Ye(t,e){let n=t.slice(2);return n.startsWith("@@")?e.dim(t):n.startsWith("---")||n.startsWith("+++")?e.bold(t):n.startsWith("-")?e.red(t):n.startsWith("+")?e.green(t):t}function qe(t,e){return t.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(n,r)=>r!==void 0?e.red(n):e.green(n))}import{mkdir as at,stat as pt,writeFile as mt}from"node:fs/promises";import{dirname as ut,join as H}from"node:path";var Ke="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",ye=".github/workflows/promptgate.yml",$e=`name: promptgate
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
`;function v(t){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(t)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(t)?t:JSON.stringify(t)}var f=t=>t.replace(/[\r\n]+/g," "),Xe=`# yaml-language-server: $schema=${Ke}
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
`;function Be(t){let e=t.variables.length?`variables: ${t.variables.map(f).join(", ")}`:"no variables";return`  # ${f(t.file)} (${t.format}; ${e})
  - name: ${v(t.name)}
    prompt: ${v(t.file)}
    cases: ${v(t.cases)} # starter cases: replace the placeholders with real inputs
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
`;function we(t,e,n,r){let s=[];e.length&&s.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...e.map(a=>`#   ${f(a)}`)),n.length&&s.push("# Looked like prompts but did not parse (fix them, then add a suite):",...n.map(a=>`#   ${f(a.file)}: ${f(a.why)}`)),r>0&&s.push(`# ${r} more prompt files were found; add suites for them by hand.`);let o=t.length?t.map(Be).join(`
`):Ve;return`${`${Xe}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${s.length?`${s.join(`
`)}
`:""}suites:${t.length?"":" []"}
${o}${ze}`}function Ze(t){let e={};for(let n of t){let r=n.split("."),s=e;r.forEach((o,i)=>{i===r.length-1?s[o]??=`TODO: a value for {{${n}}}`:s=s[o]=typeof s[o]=="object"&&s[o]!==null?s[o]:{}})}return"expected"in e||(e.expected="TODO: what a correct answer contains"),e}function be(t,e){return Object.entries(t).map(([n,r])=>typeof r=="object"&&r!==null?`${e}${v(n)}:
${be(r,`${e}  `)}`:`${e}${v(n)}: ${JSON.stringify(r)}`).join(`
`)}function ve(t){let e=be(Ze(t.variables),"    ");return`# Cases for suite \`${f(t.name)}\` (${f(t.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${e}
`}var R="promptgate.yml",J=".github/promptgate.yml",Qe=50,et=/\.(prompty|prompt)$/i,tt=/\.(md|txt|json|ya?ml)$/i,rt=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function st(t){if(_(t)||et.test(t))return!0;if(!tt.test(t)||t.startsWith(".github/")||t===R)return!1;let e=t.split("/"),n=e.at(-1);return rt.test(n)||e.some(r=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(r))?!1:e.some(r=>/prompt/i.test(r))}function nt(t){return t.problems?.[0]?.message??(t instanceof Error?t.message:String(t))}async function ot(t){let e=[],n=[],r=[];for(let s of(await t.list()).filter(st)){if(_(s)){n.push(s);continue}let o=await t.read(s);if(o!==void 0)try{let i=Z(s,o);if(i.format==="template"&&i.variables.length===0)continue;e.push({file:s,format:i.format,variables:i.variables})}catch(i){if(V(s)==="chat")continue;r.push({file:s,why:nt(i)})}}return{prompts:e,promptYml:n,skipped:r}}function it(t){let e=(r,s)=>r.replace(/\.[^./]+$/,"").split("/").slice(-s).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",n=t.map(r=>e(r,1));for(let r=2;r<=8;r++){let s=new Set(n.filter((o,i)=>n.indexOf(o)!==i));if(s.size===0)break;t.forEach((o,i)=>{s.has(n[i])&&(n[i]=e(o,r))})}return n.map((r,s)=>n.indexOf(r)===s?r:`${r}-${s+1}`)}async function je(t){let e=await ot(t),n=e.prompts.slice(0,Qe),r=it(n.map(i=>i.file)),s=n.map((i,a)=>({...i,name:r[a],cases:`evals/${r[a]}.yaml`})),o=[{path:R,text:we(s,e.promptYml,e.skipped,e.prompts.length-n.length)},...s.map(i=>({path:i.cases,text:ve(i)})),{path:ye,text:$e}];return{suites:s,promptYml:e.promptYml,skipped:e.skipped,files:o}}async function ct(t){try{return await pt(t),!0}catch{return!1}}async function Ce(t){let e=await je(new j(t.cwd)),n=[...e.files.map(s=>s.path),J];for(let s of n){if(!await ct(H(t.cwd,s)))continue;let o=s===J?`a config already exists (init writes ${R})`:"already exists";throw c.one(s,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let s of e.files){await at(ut(H(t.cwd,s.path)),{recursive:!0});try{await mt(H(t.cwd,s.path),s.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:c.one(s.path,"already exists; `promptgate init` never overwrites a file")}t.stdout.write(`wrote ${s.path}
`)}let r=e.suites.length?`${$(e.suites.length,"suite")}: ${e.suites.map(s=>`${s.name} (${s.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";t.stdout.write(`${r}
`),e.promptYml.length&&t.stdout.write(`${$(e.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let s of e.skipped)t.log.warn(`${s.file}: not added, it does not parse as a prompt: ${s.why}`);return t.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}import{mkdir as lt,writeFile as Re}from"node:fs/promises";import{join as G,resolve as dt}from"node:path";async function ke(t,e,n){let{drift:r,stopped:s}=await ae({...n.options,suites:t.suites,baselineDir:t.baseline,accept:t.accept});n.progress.finish();let o=dt(e.cwd,t.outDir);await lt(o,{recursive:!0});let i=`${JSON.stringify(r,null,2)}
`;if(await Re(G(o,"drift.json"),i),await Re(G(o,"drift.md"),pe(r)),t.format==="json")e.stdout.write(i);else{let a=l(e.stdout,e.env);e.stdout.write(C(w(r.report),r.report.verdict,a)),e.stdout.write(`${ft(r)}
`)}return e.log.info(`wrote ${G(t.outDir,"drift.json")} and drift.md`),r.accepted?e.log.info(`the fresh answers are the baseline now (${t.baseline})`):r.recorded.length&&e.log.info(`baseline recorded for ${r.recorded.join(", ")} in ${t.baseline}`),s?(e.stderr.write(`${l(e.stderr,e.env).red("error:")} run stopped early: ${h(s)}
`),3):r.verdict==="fail"?1:0}function ft(t){if(!t.models.length)return"Models: nothing compared (no baseline yet)";let e=r=>E(r.join(", ")||"—"),n=(r,s)=>e(r)===e(s)?`${e(r)} (unchanged)`:`${e(r)} → ${e(s)}`;return["Models (baseline → fresh):",...t.models.map(r=>`  ${E(r.suite)}: model ${n(r.baseline.models,r.fresh.models)} · system_fingerprint ${n(r.baseline.fingerprints,r.fresh.fingerprints)}`)].join(`
`)}function $t(t){return t.cancelled||t.stopped?3:t.verdict==="fail"?1:0}async function g(t,e){await gt(yt(t),{recursive:!0}),await ht(t,e)}function wt(t){let e=0,n=0,r="";for(let s of t)for(let o of s.cases)for(let i of o.samples)n++,i.error!==void 0&&(e++,r||(r=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${s.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return e?h(`${e} of ${n} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${r}`):""}async function Pr(t,e){switch(t.command){case"validate":return bt(t,e);case"run":return vt(t,e);case"compare":return jt(t,e);case"render":return Rt(t,e);case"init":return Ce(e);case"drift":return ke(t,e,Y(t,e))}}function Y(t,e){let n=ie(e.stderr);return{options:{cwd:e.cwd,configPath:t.config,repeatsOverride:t.repeats,cacheDir:t.cacheDir,cacheMode:t.cacheMode,concurrency:t.concurrency,keepGoing:t.keepGoing,env:e.env,log:e.log,redactor:e.redactor,signal:e.signal,onProgress:n.update},progress:n}}async function bt(t,e){let n=new j(e.cwd),{config:r,file:s}=await K(n,t.config),o=await ee(n,r,s,{keepGoing:t.keepGoing,onWarning:i=>e.log.warn(q(i))});return e.stdout.write(`${s??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function vt(t,e){let{options:n,progress:r}=Y(t,e),s=await te({...n,suites:t.suites});r.finish();let o=s.sides[0],i=z({configFile:s.configFile,runs:o,calls:s.calls,stopped:s.stopped,pricing:s.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(t.format==="json")e.stdout.write(a);else{let m=l(e.stdout,e.env),[k="",...Pe]=he(o).split(`
`);e.stdout.write([m.bold(k),...Pe].join(`
`)),e.stdout.write(m.dim(`calls: ${s.calls.made} made, ${s.calls.cached} from cache, ${s.calls.failed} failed`)+`
`)}if(t.out&&(await g(U(e.cwd,t.out),a),e.log.info(`wrote ${t.out}`)),t.junit&&await Se(t.junit,le(i),e),s.stopped)return e.stderr.write(`${l(e.stderr,e.env).red("error:")} run stopped early: ${h(s.stopped)}
`),3;for(let m of s.suites)for(let k of m.unsupported)e.log.warn(`${m.prompt.file}: suite ${m.name}: ${k}`);let p=wt(o);return p&&e.log.warn(p),0}async function jt(t,e){let{options:n,progress:r}=Y(t,e),{report:s}=await Q({...n,base:t.base,head:t.head,all:t.all,revisions:e.revisions});r.finish();let o=U(e.cwd,t.outDir),{json:i,cases:a}=ne(s);await g(y(o,"report.json"),i),await g(y(o,b),a),await g(y(o,"report.md"),I(s)),await g(y(o,"summary.md"),N(s)),await g(y(o,"report.html"),x(s)),t.format==="json"?e.stdout.write(i):e.stdout.write(C(w(s),s.verdict,l(e.stdout,e.env))),e.log.info(`wrote ${y(t.outDir,"report.md")}, summary.md, report.json, ${b} and report.html`),t.junit&&await Se(t.junit,ce(s),e);let p=$t(s),m=l(e.stderr,e.env);return s.stopped?e.stderr.write(`${p===3?m.red("error:"):m.yellow("warning:")} run stopped early: ${h(s.stopped)}; the report covers what ran
`):s.calls.failed&&e.log.warn(`${s.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),p}async function Se(t,e,n){await g(U(n.cwd,t),e),n.log.info(`wrote ${t}`)}var Ct={summary:N,plain:w,md:I,html:x};async function Rt(t,e){let{report:n,warning:r}=await ge(e.cwd,t.file);r&&e.log.warn(r);let s=Ct[t.format](n);return e.stdout.write(s.endsWith(`
`)?s:`${s}
`),0}export{$t as exitCodeFor,wt as failedSamples,Pr as runCommand};
