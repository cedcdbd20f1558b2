import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as Re,d as Pe}from"./chunk-HNRUI2VC.js";import{a as re}from"./chunk-5BXGEHWB.js";import{a as de,b as fe}from"./chunk-BRY37E6C.js";import{B as M,C as L,D as w,E as ye,F as we,b as ie,c as ae,d as pe,e as me,f as ue,g as ce,h as le,j as D,o as W,p as ge,t as he}from"./chunk-B7RXD42N.js";import{F as te,M as x,R as se,S as oe,k as ee}from"./chunk-YAR7BAIQ.js";import"./chunk-GGAYPTL6.js";import{a as u,b as _}from"./chunk-BUX5ENGT.js";import{b as Q}from"./chunk-76KQUOLA.js";import{f as j}from"./chunk-CAWKXJRB.js";import{E as N,F as $,G as $e,H as be,I as ve,J as Ce,K as je,L as ke,i as E,p as ne,q as T,s as I,u as y}from"./chunk-WIWLC6GV.js";import"./chunk-UBQOKG4E.js";import"./chunk-ITCX4ZYK.js";import{a as f,b as Z,c as d}from"./chunk-BHRI4ICT.js";import{a as l}from"./chunk-5SILH6BQ.js";var st=l("node:fs"),Se=st.mkdirSync;var J=l("node:path"),Ae=J.dirname,b=J.join,v=J.resolve;var q=4e3,Fe=1e3,ot=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function it(e){return e.replace(ot,t=>`\\u${t.charCodeAt(0).toString(16).padStart(4,"0")}`)}function H(e){return it(e).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function c(e){return H(e).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function at(e){let t=e.replace(/\s*\n\s*/g," ");return t.length>Fe?`${t.slice(0,Fe)}…`:t}function pt(e){let t=[`name="${c(e.name)}"`,`classname="${c(e.classname)}"`];e.file&&t.push(`file="${c(e.file)}"`),e.line&&t.push(`line="${e.line}"`);let r=`    <testcase ${t.join(" ")}`,n=e.outcome;if(n.kind==="pass")return n.out?`${r}>
      <system-out>${H(n.out)}</system-out>
    </testcase>`:`${r}/>`;if(n.kind==="skipped")return`${r}>
      <skipped message="${c(n.message)}"/>
    </testcase>`;let s=c(at(n.message));return`${r}>
      <${n.kind} type="${c(n.type)}" message="${s}">${H(n.body)}</${n.kind}>
    </testcase>`}function mt(e,t,r){let n=a=>t.filter(p=>p.outcome.kind===a).length,s=`name="${c(e)}" tests="${t.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}"`,o=r.length?`    <properties>
${r.map(([a,p])=>`      <property name="${c(a)}" value="${c(p)}"/>`).join(`
`)}
    </properties>
`:"",i=t.map(pt).join(`
`);return`  <testsuite ${s}>
${o}${i}${i?`
`:""}  </testsuite>`}function Oe(e){let t=e.flatMap(o=>o.cases),r=o=>t.filter(i=>i.outcome.kind===o).length,n=`<testsuites name="promptgate" tests="${t.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}">`,s=e.map(o=>mt(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${n}
${s}${s?`
`:""}</testsuites>
`}function ut(e){return(e??[]).map(t=>typeof t=="string"?t:"code"in t?t.code:t.strong).join("")}function ct(e,t){let r=t.source?{file:t.source.file,line:t.source.line}:{},n=`passed ${W(t.base)} → ${W(t.head)}`,s={name:t.id,classname:e.name,...r};if(t.change==="regressed"){let o=ut(ge(t)),i=t.base.output===t.head.output?`output (identical on both sides):
${D(t.head.output,q)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${he(t.base.output,t.head.output,{maxChars:q})}`;return{...s,outcome:{kind:"failure",type:"regressed",message:`regressed: ${n}${o?` — ${o}`:""}`,body:i}}}if(t.change==="error"){let o=`errors: base ${t.base.errors??0}, head ${t.head.errors??0}`,i=t.head.runs===0?t.head.output:t.base.output;return{...s,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...s,outcome:{kind:"pass",out:`${t.change}: ${n}`}}}function lt(e){let t={name:"gate",classname:e.name},r=e.reasons.join(`
`);return e.status==="error"?{...t,outcome:{kind:"error",type:"error",message:e.error??"the suite could not run",body:e.error??""}}:e.status==="skipped"||e.status==="removed"?{...t,outcome:{kind:"skipped",message:r||`suite ${e.status}`}}:e.verdict==="fail"?{...t,outcome:{kind:"failure",type:"gate",message:r||"the gate failed",body:r}}:{...t,outcome:{kind:"pass",out:`${e.verdict}${r?`: ${r}`:""}`}}}function _e(e){return Oe(e.suites.map(t=>({name:t.name,cases:[lt(t),...t.caseResults.map(r=>ct(t,r))],properties:[["status",t.status],["verdict",t.verdict],["repeats",String(t.repeats)],["base",`${e.base.ref} ${e.base.sha}`],["head",`${e.head.ref} ${e.head.sha}`]]})))}function dt(e,t){let r={name:t.id,classname:e.name,file:t.source.file,line:t.source.line},n=t.samples.filter(p=>p.call&&p.error===void 0);if(n.length===0){let p=t.samples.find(m=>m.error!==void 0)?.error??"no sample ran";return{...r,outcome:{kind:"error",type:"error",message:p,body:p}}}let s=n.filter(p=>!p.hardPass);if(s.length===0)return{...r,outcome:{kind:"pass"}};let o=s[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...r,outcome:{kind:"failure",type:"assertion",message:`failed ${s.length} of ${y(n.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${D(o.call?.output??"",q)}`}}}function Ee(e){return Oe(e.suites.map(t=>({name:t.name,cases:t.run.cases.map(r=>dt(t,r)),properties:[["model",t.model],["repeats",String(t.repeats)]]})))}var ft=l("node:fs/promises"),G=ft.readFile;var k=l("node:path"),Te=k.basename,Ie=k.dirname,xe=k.join,U=k.resolve;var Y="give the path of a report.json written by `promptgate compare`",g=e=>typeof e=="object"&&e!==null&&!Array.isArray(e);function gt(e){if(!g(e))return"not a JSON object";if(e.kind==="run"||Array.isArray(e.suites)&&e.suites.some(n=>g(n)&&"run"in n))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(e.version!==1&&e.version!==2)return`not a promptgate report.json (version ${JSON.stringify(e.version??null)}, expected 1 or 2)`;let t=["verdict","base","head","suites","calls","gate"].filter(n=>e[n]===void 0);if(t.length)return`not a promptgate report.json (no ${t.map(n=>`\`${n}\``).join(", ")})`;if(!Array.isArray(e.suites)||!g(e.calls)||!g(e.gate)||!g(e.base)||!g(e.head))return"not a promptgate report.json (fields of the wrong type)";let r=e.suites.findIndex(n=>!g(n)||typeof n.name!="string"||typeof n.status!="string"||!Array.isArray(n.caseResults)||!Array.isArray(n.reasons));if(r>=0)return`not a promptgate report.json (suites[${r}] is incomplete)`}async function ht(e,t){try{return await G(U(e,t),"utf8")}catch(r){let n=r.code;throw d.one(t,`${n==="ENOENT"?"file not found":`cannot read the file (${n??r.message})`}; ${Y}`)}}async function Ne(e,t){let r=yt(t,await ht(e,t));if(r.version!==2)return{report:r};let n=xe(Ie(t),Te(r.casesFile??$)),s;try{s=await G(U(e,n),"utf8")}catch{let i=r.suites.reduce((a,p)=>a+(p.unchangedCases??0),0);return{report:r,warning:`${n} not found: ${i} unchanged case(s) are not listed`}}let o=ve(r,s);if("problem"in o)throw d.one(n,`${o.problem}; give the cases.jsonl written with this report.json`);return{report:o}}function yt(e,t){let r;try{r=JSON.parse(t)}catch(s){throw d.one(e,`not JSON (${s.message}); ${Y}`)}let n=gt(r);if(n)throw d.one(e,`${n}; ${Y}`);return r}function De(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],r=e.map(o=>{let i=te(o.cases,o.cases),a=o.cases.reduce((p,m)=>p+m.samples.length,0);return[o.name,String(o.cases.length),String(a),E(i.passRate),E(i.softPassRate),`${I(i.tokens.input)}/${I(i.tokens.output)}`,ne(i.costUsd,i.costEstimated),T(i.latencyP50Ms),T(i.latencyP95Ms),String(i.errors)]}),n=t.map((o,i)=>Math.max(o.length,...r.map(a=>a[i].length))),s=o=>o.map((i,a)=>a===0?i.padEnd(n[a]):i.padStart(n[a])).join("  ");return`${[s(t),s(n.map(o=>"-".repeat(o))),...r.map(s)].join(`
`)}
`}var wt=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,K="  │ ";function R(e,t,r){if(!r.enabled)return e;let n=e.split(`
`),s=n.length-(n.at(-1)===""?2:1),o="none",i=-1;return n.map((a,p)=>p===0?r.bold(_(r,t)(a)):a===""?(o="none",a):p===s?r.dim(a):o==="table"?$t(a,i,r):o==="prompt-diff"?bt(a,r):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),r.bold(a)):wt.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),r.bold(a)):a.startsWith(K)?K+vt(a.slice(K.length),r):a).join(`
`)}function $t(e,t,r){let n=[...e];if(t<0||n.length<=t)return e;let s=n.slice(t).join(""),o=/^\S+(?: \(\w+\))?/.exec(s)?.[0];return o?n.slice(0,t).join("")+_(r,o.replace(/^added \(|\)$/g,""))(o)+s.slice(o.length):e}function bt(e,t){let r=e.slice(2);return r.startsWith("@@")?t.dim(e):r.startsWith("---")||r.startsWith("+++")?t.bold(e):r.startsWith("-")?t.red(e):r.startsWith("+")?t.green(e):e}function vt(e,t){return e.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(r,n)=>n!==void 0?t.red(r):t.green(r))}var X=l("node:fs/promises"),We=X.mkdir,Me=X.stat,Le=X.writeFile;var Je=l("node:path"),qe=Je.dirname,P=Je.join;var Ct="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",He=".github/workflows/promptgate.yml",Ge=`name: promptgate
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
`;function C(e){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(e)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(e)?e:JSON.stringify(e)}var h=e=>e.replace(/[\r\n]+/g," "),jt=`# yaml-language-server: $schema=${Ct}
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
`,kt=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function Rt(e){let t=e.variables.length?`variables: ${e.variables.map(h).join(", ")}`:"no variables";return`  # ${h(e.file)} (${e.format}; ${t})
  - name: ${C(e.name)}
    prompt: ${C(e.file)}
    cases: ${C(e.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var Pt=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function Ue(e,t,r,n){let s=[];t.length&&s.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...t.map(a=>`#   ${h(a)}`)),r.length&&s.push("# Looked like prompts but did not parse (fix them, then add a suite):",...r.map(a=>`#   ${h(a.file)}: ${h(a.why)}`)),n>0&&s.push(`# ${n} more prompt files were found; add suites for them by hand.`);let o=e.length?e.map(Rt).join(`
`):Pt;return`${`${jt}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${s.length?`${s.join(`
`)}
`:""}suites:${e.length?"":" []"}
${o}${kt}`}function St(e){let t={};for(let r of e){let n=r.split("."),s=t;n.forEach((o,i)=>{i===n.length-1?s[o]??=`TODO: a value for {{${r}}}`:s=s[o]=typeof s[o]=="object"&&s[o]!==null?s[o]:{}})}return"expected"in t||(t.expected="TODO: what a correct answer contains"),t}function Ye(e,t){return Object.entries(e).map(([r,n])=>typeof n=="object"&&n!==null?`${t}${C(r)}:
${Ye(n,`${t}  `)}`:`${t}${C(r)}: ${JSON.stringify(n)}`).join(`
`)}function Ke(e){let t=Ye(St(e.variables),"    ");return`# Cases for suite \`${h(e.name)}\` (${h(e.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${t}
`}var S="promptgate.yml",z=".github/promptgate.yml",At=50,Ft=/\.(prompty|prompt)$/i,Ot=/\.(md|txt|json|ya?ml)$/i,_t=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function Et(e){if(x(e)||Ft.test(e))return!0;if(!Ot.test(e)||e.startsWith(".github/")||e===S)return!1;let t=e.split("/"),r=t.at(-1);return _t.test(r)||t.some(n=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(n))?!1:t.some(n=>/prompt/i.test(n))}function Tt(e){return e.problems?.[0]?.message??(e instanceof Error?e.message:String(e))}async function It(e){let t=[],r=[],n=[];for(let s of(await e.list()).filter(Et)){if(x(s)){r.push(s);continue}let o=await e.read(s);if(o!==void 0)try{let i=oe(s,o);if(i.format==="template"&&i.variables.length===0)continue;t.push({file:s,format:i.format,variables:i.variables})}catch(i){if(se(s)==="chat")continue;n.push({file:s,why:Tt(i)})}}return{prompts:t,promptYml:r,skipped:n}}function xt(e){let t=(n,s)=>n.replace(/\.[^./]+$/,"").split("/").slice(-s).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",r=e.map(n=>t(n,1));for(let n=2;n<=8;n++){let s=new Set(r.filter((o,i)=>r.indexOf(o)!==i));if(s.size===0)break;e.forEach((o,i)=>{s.has(r[i])&&(r[i]=t(o,n))})}return r.map((n,s)=>r.indexOf(n)===s?n:`${n}-${s+1}`)}async function Xe(e){let t=await It(e),r=t.prompts.slice(0,At),n=xt(r.map(i=>i.file)),s=r.map((i,a)=>({...i,name:n[a],cases:`evals/${n[a]}.yaml`})),o=[{path:S,text:Ue(s,t.promptYml,t.skipped,t.prompts.length-r.length)},...s.map(i=>({path:i.cases,text:Ke(i)})),{path:He,text:Ge}];return{suites:s,promptYml:t.promptYml,skipped:t.skipped,files:o}}async function Nt(e){try{return await Me(e),!0}catch{return!1}}async function ze(e){let t=await Xe(new j(e.cwd)),r=[...t.files.map(s=>s.path),z];for(let s of r){if(!await Nt(P(e.cwd,s)))continue;let o=s===z?`a config already exists (init writes ${S})`:"already exists";throw d.one(s,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let s of t.files){await We(qe(P(e.cwd,s.path)),{recursive:!0});try{await Le(P(e.cwd,s.path),s.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:d.one(s.path,"already exists; `promptgate init` never overwrites a file")}e.stdout.write(`wrote ${s.path}
`)}let n=t.suites.length?`${y(t.suites.length,"suite")}: ${t.suites.map(s=>`${s.name} (${s.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";e.stdout.write(`${n}
`),t.promptYml.length&&e.stdout.write(`${y(t.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let s of t.skipped)e.log.warn(`${s.file}: not added, it does not parse as a prompt: ${s.why}`);return e.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}var Be=l("node:fs/promises"),Ve=Be.mkdir,B=Be.writeFile;var Ze=l("node:path"),A=Ze.join,Qe=Ze.resolve;async function et(e,t,r){let{drift:n,stopped:s}=await Re({...r.options,suites:e.suites,baselineDir:e.baseline,accept:e.accept});r.progress.finish();let o=Qe(t.cwd,e.outDir);await Ve(o,{recursive:!0});let i=`${JSON.stringify(n,null,2)}
`;if(await B(A(o,"drift.json"),i),await B(A(o,"drift.md"),Pe(n)),e.format==="json")t.stdout.write(i);else{let a=u(t.stdout,t.env);t.stdout.write(R(w(n.report),n.report.verdict,a)),t.stdout.write(`${Dt(n)}
`)}return t.log.info(`wrote ${A(e.outDir,"drift.json")} and drift.md`),n.accepted?t.log.info(`the fresh answers are the baseline now (${e.baseline})`):n.recorded.length&&t.log.info(`baseline recorded for ${n.recorded.join(", ")} in ${e.baseline}`),s?(t.stderr.write(`${u(t.stderr,t.env).red("error:")} run stopped early: ${f(s)}
`),3):n.verdict==="fail"?1:0}function Dt(e){if(!e.models.length)return"Models: nothing compared (no baseline yet)";let t=n=>N(n.join(", ")||"—"),r=(n,s)=>t(n)===t(s)?`${t(n)} (unchanged)`:`${t(n)} → ${t(s)}`;return["Models (baseline → fresh):",...e.models.map(n=>`  ${N(n.suite)}: model ${r(n.baseline.models,n.fresh.models)} · system_fingerprint ${r(n.baseline.fingerprints,n.fresh.fingerprints)}`)].join(`
`)}function Wt(e){return e.cancelled||e.stopped?3:e.verdict==="fail"?1:0}async function F(e,t,r){try{Se(Ae(e),{recursive:!0})}catch(n){throw Ce(r??e,n)}await je(e,typeof t=="string"?[t]:t,r)}function Mt(e){let t=0,r=0,n="";for(let s of e)for(let o of s.cases)for(let i of o.samples)r++,i.error!==void 0&&(t++,n||(n=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${s.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return t?f(`${t} of ${r} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${n}`):""}async function pn(e,t){switch(e.command){case"validate":return Lt(e,t);case"run":return Jt(e,t);case"compare":return qt(e,t);case"merge":return Gt(e,t);case"render":return Yt(e,t);case"init":return ze(t);case"drift":return et(e,t,V(e,t))}}function V(e,t){let r=ke(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,redactor:t.redactor,signal:t.signal,onProgress:r.update},progress:r}}async function Lt(e,t){let r=new j(t.cwd),{config:n,file:s}=await ee(r,e.config),o=await de(r,n,s,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(Z(i))});return t.stdout.write(`${s??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function Jt(e,t){let{options:r,progress:n}=V(e,t),s=await fe({...r,suites:e.suites});n.finish();let o=s.sides[0],i=re({configFile:s.configFile,runs:o,calls:s.calls,stopped:s.stopped,pricing:s.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let m=u(t.stdout,t.env),[O="",...nt]=De(o).split(`
`);t.stdout.write([m.bold(O),...nt].join(`
`)),t.stdout.write(m.dim(`calls: ${s.calls.made} made, ${s.calls.cached} from cache, ${s.calls.failed} failed`)+`
`)}if(e.out&&(await F(v(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await rt(e.junit,Ee(i),t),s.stopped)return t.stderr.write(`${u(t.stderr,t.env).red("error:")} run stopped early: ${f(s.stopped)}
`),3;for(let m of s.suites)for(let O of m.unsupported)t.log.warn(`${m.prompt.file}: suite ${m.name}: ${O}`);let p=Mt(o);return p&&t.log.warn(p),0}async function qt(e,t){let{options:r,progress:n}=V(e,t),s={...r,base:e.base,head:e.head,all:e.all,revisions:t.revisions};if(e.shard){let i=await pe({...s,shard:e.shard});return n.finish(),Ht(i,e,t)}let{report:o}=await ie(s);return n.finish(),tt(o,e,t)}async function Ht(e,t,r){let n=ue(e),s=b(t.outDir,me(n.shard)),o=JSON.stringify(r.redactor?r.redactor.redactDeep(n):n);await F(v(r.cwd,s),`${o}
`);let i=e.input.suites.reduce((a,p)=>a+((p.head??p.base)?.cases.length??0),0);if(r.log.info(`wrote ${s} (shard ${Q(n.shard)}: ${i} case(s)); combine the shards with \`promptgate merge\``),e.input.stopped||e.input.cancelled){let a=e.input.stopped??"cancelled";return r.stderr.write(`${u(r.stderr,r.env).red("error:")} run stopped early: ${f(a)}
`),3}return 0}async function Gt(e,t){let r=await ce(t.cwd,e.paths),{report:n}=ae(le(r),t.redactor);return t.log.info(`merged ${r.length} shard(s)`),tt(n,e,t)}async function tt(e,t,r){let n=v(r.cwd,t.outDir),s=$e(e),o=(p,m)=>F(b(n,p),m,b(t.outDir,p));await o("report.json",s),await o($,be(e)),await o("report.md",M(e)),await o("summary.md",L(e)),await o("report.html",we(e)),t.format==="json"?r.stdout.write(s):r.stdout.write(R(w(e),e.verdict,u(r.stdout,r.env))),r.log.info(`wrote ${b(t.outDir,"report.md")}, summary.md, report.json, ${$} and report.html`),t.junit&&await rt(t.junit,_e(e),r);let i=Wt(e),a=u(r.stderr,r.env);return e.stopped?r.stderr.write(`${i===3?a.red("error:"):a.yellow("warning:")} run stopped early: ${f(e.stopped)}; the report covers what ran
`):e.calls.failed&&r.log.warn(`${e.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),i}async function rt(e,t,r){await F(v(r.cwd,e),t),r.log.info(`wrote ${e}`)}var Ut={summary:L,plain:w,md:M,html:ye};async function Yt(e,t){let{report:r,warning:n}=await Ne(t.cwd,e.file);n&&t.log.warn(n);let s=Ut[e.format](r);return t.stdout.write(s.endsWith(`
`)?s:`${s}
`),0}export{Wt as exitCodeFor,Mt as failedSamples,pn as runCommand};
