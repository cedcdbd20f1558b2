import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as ne,d as oe}from"./chunk-UDXOET2S.js";import{a as X}from"./chunk-HNTVBVYB.js";import{a as Q,b as ee}from"./chunk-CHTBN4RA.js";import{b as Z,d as E,i as F,j as te,n as re,v as T,w as I,x as $,y as N}from"./chunk-SLVWOM7H.js";import{D as K,H as O,K as B,L as V,j as q}from"./chunk-MFKULNVN.js";import{a as c,b as k}from"./chunk-BUX5ENGT.js";import"./chunk-TDESADDE.js";import{f as v}from"./chunk-HPETQO75.js";import{D as _,E as se,i as P,p as z,q as S,s as A,u as y}from"./chunk-DFAZTFSB.js";import{a as g,b as Y,c as l}from"./chunk-BHRI4ICT.js";import"./chunk-5SILH6BQ.js";import{mkdir as at,writeFile as pt}from"node:fs/promises";import{dirname as mt,join as b,resolve as G}from"node:path";var x=4e3,ie=1e3,je=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function Ce(t){return t.replace(je,e=>`\\u${e.charCodeAt(0).toString(16).padStart(4,"0")}`)}function D(t){return Ce(t).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function u(t){return D(t).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function ke(t){let e=t.replace(/\s*\n\s*/g," ");return e.length>ie?`${e.slice(0,ie)}…`:e}function Pe(t){let e=[`name="${u(t.name)}"`,`classname="${u(t.classname)}"`];t.file&&e.push(`file="${u(t.file)}"`),t.line&&e.push(`line="${t.line}"`);let n=`    <testcase ${e.join(" ")}`,r=t.outcome;if(r.kind==="pass")return r.out?`${n}>
      <system-out>${D(r.out)}</system-out>
    </testcase>`:`${n}/>`;if(r.kind==="skipped")return`${n}>
      <skipped message="${u(r.message)}"/>
    </testcase>`;let s=u(ke(r.message));return`${n}>
      <${r.kind} type="${u(r.type)}" message="${s}">${D(r.body)}</${r.kind}>
    </testcase>`}function Se(t,e,n){let r=a=>e.filter(p=>p.outcome.kind===a).length,s=`name="${u(t)}" tests="${e.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}"`,o=n.length?`    <properties>
${n.map(([a,p])=>`      <property name="${u(a)}" value="${u(p)}"/>`).join(`
`)}
    </properties>
`:"",i=e.map(Pe).join(`
`);return`  <testsuite ${s}>
${o}${i}${i?`
`:""}  </testsuite>`}function ae(t){let e=t.flatMap(o=>o.cases),n=o=>e.filter(i=>i.outcome.kind===o).length,r=`<testsuites name="promptgate" tests="${e.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}">`,s=t.map(o=>Se(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${r}
${s}${s?`
`:""}</testsuites>
`}function Ae(t){return(t??[]).map(e=>typeof e=="string"?e:"code"in e?e.code:e.strong).join("")}function Oe(t,e){let n=e.source?{file:e.source.file,line:e.source.line}:{},r=`passed ${F(e.base)} → ${F(e.head)}`,s={name:e.id,classname:t.name,...n};if(e.change==="regressed"){let o=Ae(te(e)),i=e.base.output===e.head.output?`output (identical on both sides):
${E(e.head.output,x)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${re(e.base.output,e.head.output,{maxChars:x})}`;return{...s,outcome:{kind:"failure",type:"regressed",message:`regressed: ${r}${o?` — ${o}`:""}`,body:i}}}if(e.change==="error"){let o=`errors: base ${e.base.errors??0}, head ${e.head.errors??0}`,i=e.head.runs===0?e.head.output:e.base.output;return{...s,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...s,outcome:{kind:"pass",out:`${e.change}: ${r}`}}}function _e(t){let e={name:"gate",classname:t.name},n=t.reasons.join(`
`);return t.status==="error"?{...e,outcome:{kind:"error",type:"error",message:t.error??"the suite could not run",body:t.error??""}}:t.status==="skipped"||t.status==="removed"?{...e,outcome:{kind:"skipped",message:n||`suite ${t.status}`}}:t.verdict==="fail"?{...e,outcome:{kind:"failure",type:"gate",message:n||"the gate failed",body:n}}:{...e,outcome:{kind:"pass",out:`${t.verdict}${n?`: ${n}`:""}`}}}function pe(t){return ae(t.suites.map(e=>({name:e.name,cases:[_e(e),...e.caseResults.map(n=>Oe(e,n))],properties:[["status",e.status],["verdict",e.verdict],["repeats",String(e.repeats)],["base",`${t.base.ref} ${t.base.sha}`],["head",`${t.head.ref} ${t.head.sha}`]]})))}function Ee(t,e){let n={name:e.id,classname:t.name,file:e.source.file,line:e.source.line},r=e.samples.filter(p=>p.call&&p.error===void 0);if(r.length===0){let p=e.samples.find(m=>m.error!==void 0)?.error??"no sample ran";return{...n,outcome:{kind:"error",type:"error",message:p,body:p}}}let s=r.filter(p=>!p.hardPass);if(s.length===0)return{...n,outcome:{kind:"pass"}};let o=s[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...n,outcome:{kind:"failure",type:"assertion",message:`failed ${s.length} of ${y(r.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${E(o.call?.output??"",x)}`}}}function me(t){return ae(t.suites.map(e=>({name:e.name,cases:e.run.cases.map(n=>Ee(e,n)),properties:[["model",e.model],["repeats",String(e.repeats)]]})))}import{readFile as Fe}from"node:fs/promises";import{resolve as Te}from"node:path";var W="give the path of a report.json written by `promptgate compare`",d=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);function Ie(t){if(!d(t))return"not a JSON object";if(t.kind==="run"||Array.isArray(t.suites)&&t.suites.some(r=>d(r)&&"run"in r))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(t.version!==1)return`not a promptgate report.json (version ${JSON.stringify(t.version??null)}, expected 1)`;let e=["verdict","base","head","suites","calls","gate"].filter(r=>t[r]===void 0);if(e.length)return`not a promptgate report.json (no ${e.map(r=>`\`${r}\``).join(", ")})`;if(!Array.isArray(t.suites)||!d(t.calls)||!d(t.gate)||!d(t.base)||!d(t.head))return"not a promptgate report.json (fields of the wrong type)";let n=t.suites.findIndex(r=>!d(r)||typeof r.name!="string"||typeof r.status!="string"||!Array.isArray(r.caseResults)||!Array.isArray(r.reasons));if(n>=0)return`not a promptgate report.json (suites[${n}] is incomplete)`}async function ue(t,e){let n;try{n=await Fe(Te(t,e),"utf8")}catch(o){let i=o.code;throw l.one(e,`${i==="ENOENT"?"file not found":`cannot read the file (${i??o.message})`}; ${W}`)}let r;try{r=JSON.parse(n)}catch(o){throw l.one(e,`not JSON (${o.message}); ${W}`)}let s=Ie(r);if(s)throw l.one(e,`${s}; ${W}`);return r}function ce(t){let e=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],n=t.map(o=>{let i=K(o.cases,o.cases),a=o.cases.reduce((p,m)=>p+m.samples.length,0);return[o.name,String(o.cases.length),String(a),P(i.passRate),P(i.softPassRate),`${A(i.tokens.input)}/${A(i.tokens.output)}`,z(i.costUsd,i.costEstimated),S(i.latencyP50Ms),S(i.latencyP95Ms),String(i.errors)]}),r=e.map((o,i)=>Math.max(o.length,...n.map(a=>a[i].length))),s=o=>o.map((i,a)=>a===0?i.padEnd(r[a]):i.padStart(r[a])).join("  ");return`${[s(e),s(r.map(o=>"-".repeat(o))),...n.map(s)].join(`
`)}
`}var Ne=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,M="  │ ";function R(t,e,n){if(!n.enabled)return t;let r=t.split(`
`),s=r.length-(r.at(-1)===""?2:1),o="none",i=-1;return r.map((a,p)=>p===0?n.bold(k(n,e)(a)):a===""?(o="none",a):p===s?n.dim(a):o==="table"?xe(a,i,n):o==="prompt-diff"?De(a,n):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),n.bold(a)):Ne.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),n.bold(a)):a.startsWith(M)?M+We(a.slice(M.length),n):a).join(`
`)}function xe(t,e,n){let r=[...t];if(e<0||r.length<=e)return t;let s=r.slice(e).join(""),o=/^\S+(?: \(\w+\))?/.exec(s)?.[0];return o?r.slice(0,e).join("")+k(n,o.replace(/^added \(|\)$/g,""))(o)+s.slice(o.length):t}function De(t,e){let n=t.slice(2);return n.startsWith("@@")?e.dim(t):n.startsWith("---")||n.startsWith("+++")?e.bold(t):n.startsWith("-")?e.red(t):n.startsWith("+")?e.green(t):t}function We(t,e){return t.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(n,r)=>r!==void 0?e.red(n):e.green(n))}import{mkdir as Qe,stat as et,writeFile as tt}from"node:fs/promises";import{dirname as rt,join as L}from"node:path";var Me="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",le=".github/workflows/promptgate.yml",de=`name: promptgate
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
`;function w(t){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(t)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(t)?t:JSON.stringify(t)}var f=t=>t.replace(/[\r\n]+/g," "),Je=`# yaml-language-server: $schema=${Me}
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
`,Le=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function He(t){let e=t.variables.length?`variables: ${t.variables.map(f).join(", ")}`:"no variables";return`  # ${f(t.file)} (${t.format}; ${e})
  - name: ${w(t.name)}
    prompt: ${w(t.file)}
    cases: ${w(t.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var Ge=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function fe(t,e,n,r){let s=[];e.length&&s.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...e.map(a=>`#   ${f(a)}`)),n.length&&s.push("# Looked like prompts but did not parse (fix them, then add a suite):",...n.map(a=>`#   ${f(a.file)}: ${f(a.why)}`)),r>0&&s.push(`# ${r} more prompt files were found; add suites for them by hand.`);let o=t.length?t.map(He).join(`
`):Ge;return`${`${Je}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${s.length?`${s.join(`
`)}
`:""}suites:${t.length?"":" []"}
${o}${Le}`}function Ue(t){let e={};for(let n of t){let r=n.split("."),s=e;r.forEach((o,i)=>{i===r.length-1?s[o]??=`TODO: a value for {{${n}}}`:s=s[o]=typeof s[o]=="object"&&s[o]!==null?s[o]:{}})}return"expected"in e||(e.expected="TODO: what a correct answer contains"),e}function ge(t,e){return Object.entries(t).map(([n,r])=>typeof r=="object"&&r!==null?`${e}${w(n)}:
${ge(r,`${e}  `)}`:`${e}${w(n)}: ${JSON.stringify(r)}`).join(`
`)}function he(t){let e=ge(Ue(t.variables),"    ");return`# Cases for suite \`${f(t.name)}\` (${f(t.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${e}
`}var j="promptgate.yml",J=".github/promptgate.yml",Ye=50,qe=/\.(prompty|prompt)$/i,Ke=/\.(md|txt|json|ya?ml)$/i,Xe=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function ze(t){if(O(t)||qe.test(t))return!0;if(!Ke.test(t)||t.startsWith(".github/")||t===j)return!1;let e=t.split("/"),n=e.at(-1);return Xe.test(n)||e.some(r=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(r))?!1:e.some(r=>/prompt/i.test(r))}function Be(t){return t.problems?.[0]?.message??(t instanceof Error?t.message:String(t))}async function Ve(t){let e=[],n=[],r=[];for(let s of(await t.list()).filter(ze)){if(O(s)){n.push(s);continue}let o=await t.read(s);if(o!==void 0)try{let i=V(s,o);if(i.format==="template"&&i.variables.length===0)continue;e.push({file:s,format:i.format,variables:i.variables})}catch(i){if(B(s)==="chat")continue;r.push({file:s,why:Be(i)})}}return{prompts:e,promptYml:n,skipped:r}}function Ze(t){let e=(r,s)=>r.replace(/\.[^./]+$/,"").split("/").slice(-s).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",n=t.map(r=>e(r,1));for(let r=2;r<=8;r++){let s=new Set(n.filter((o,i)=>n.indexOf(o)!==i));if(s.size===0)break;t.forEach((o,i)=>{s.has(n[i])&&(n[i]=e(o,r))})}return n.map((r,s)=>n.indexOf(r)===s?r:`${r}-${s+1}`)}async function ye(t){let e=await Ve(t),n=e.prompts.slice(0,Ye),r=Ze(n.map(i=>i.file)),s=n.map((i,a)=>({...i,name:r[a],cases:`evals/${r[a]}.yaml`})),o=[{path:j,text:fe(s,e.promptYml,e.skipped,e.prompts.length-n.length)},...s.map(i=>({path:i.cases,text:he(i)})),{path:le,text:de}];return{suites:s,promptYml:e.promptYml,skipped:e.skipped,files:o}}async function st(t){try{return await et(t),!0}catch{return!1}}async function $e(t){let e=await ye(new v(t.cwd)),n=[...e.files.map(s=>s.path),J];for(let s of n){if(!await st(L(t.cwd,s)))continue;let o=s===J?`a config already exists (init writes ${j})`:"already exists";throw l.one(s,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let s of e.files){await Qe(rt(L(t.cwd,s.path)),{recursive:!0});try{await tt(L(t.cwd,s.path),s.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:l.one(s.path,"already exists; `promptgate init` never overwrites a file")}t.stdout.write(`wrote ${s.path}
`)}let r=e.suites.length?`${y(e.suites.length,"suite")}: ${e.suites.map(s=>`${s.name} (${s.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";t.stdout.write(`${r}
`),e.promptYml.length&&t.stdout.write(`${y(e.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let s of e.skipped)t.log.warn(`${s.file}: not added, it does not parse as a prompt: ${s.why}`);return t.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}import{mkdir as nt,writeFile as we}from"node:fs/promises";import{join as H,resolve as ot}from"node:path";async function be(t,e,n){let{drift:r,stopped:s}=await ne({...n.options,suites:t.suites,baselineDir:t.baseline,accept:t.accept});n.progress.finish();let o=ot(e.cwd,t.outDir);await nt(o,{recursive:!0});let i=`${JSON.stringify(r,null,2)}
`;if(await we(H(o,"drift.json"),i),await we(H(o,"drift.md"),oe(r)),t.format==="json")e.stdout.write(i);else{let a=c(e.stdout,e.env);e.stdout.write(R($(r.report),r.report.verdict,a)),e.stdout.write(`${it(r)}
`)}return e.log.info(`wrote ${H(t.outDir,"drift.json")} and drift.md`),r.accepted?e.log.info(`the fresh answers are the baseline now (${t.baseline})`):r.recorded.length&&e.log.info(`baseline recorded for ${r.recorded.join(", ")} in ${t.baseline}`),s?(e.stderr.write(`${c(e.stderr,e.env).red("error:")} run stopped early: ${g(s)}
`),3):r.verdict==="fail"?1:0}function it(t){if(!t.models.length)return"Models: nothing compared (no baseline yet)";let e=r=>_(r.join(", ")||"—"),n=(r,s)=>e(r)===e(s)?`${e(r)} (unchanged)`:`${e(r)} → ${e(s)}`;return["Models (baseline → fresh):",...t.models.map(r=>`  ${_(r.suite)}: model ${n(r.baseline.models,r.fresh.models)} · system_fingerprint ${n(r.baseline.fingerprints,r.fresh.fingerprints)}`)].join(`
`)}function ut(t){return t.cancelled||t.stopped?3:t.verdict==="fail"?1:0}async function h(t,e){await at(mt(t),{recursive:!0}),await pt(t,e)}function ct(t){let e=0,n=0,r="";for(let s of t)for(let o of s.cases)for(let i of o.samples)n++,i.error!==void 0&&(e++,r||(r=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${s.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return e?g(`${e} of ${n} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${r}`):""}async function yr(t,e){switch(t.command){case"validate":return lt(t,e);case"run":return dt(t,e);case"compare":return ft(t,e);case"render":return ht(t,e);case"init":return $e(e);case"drift":return be(t,e,U(t,e))}}function U(t,e){let n=se(e.stderr);return{options:{cwd:e.cwd,configPath:t.config,repeatsOverride:t.repeats,cacheDir:t.cacheDir,cacheMode:t.cacheMode,concurrency:t.concurrency,keepGoing:t.keepGoing,env:e.env,log:e.log,redactor:e.redactor,signal:e.signal,onProgress:n.update},progress:n}}async function lt(t,e){let n=new v(e.cwd),{config:r,file:s}=await q(n,t.config),o=await Q(n,r,s,{keepGoing:t.keepGoing,onWarning:i=>e.log.warn(Y(i))});return e.stdout.write(`${s??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function dt(t,e){let{options:n,progress:r}=U(t,e),s=await ee({...n,suites:t.suites});r.finish();let o=s.sides[0],i=X({configFile:s.configFile,runs:o,calls:s.calls,stopped:s.stopped,pricing:s.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(t.format==="json")e.stdout.write(a);else{let m=c(e.stdout,e.env),[C="",...Re]=ce(o).split(`
`);e.stdout.write([m.bold(C),...Re].join(`
`)),e.stdout.write(m.dim(`calls: ${s.calls.made} made, ${s.calls.cached} from cache, ${s.calls.failed} failed`)+`
`)}if(t.out&&(await h(G(e.cwd,t.out),a),e.log.info(`wrote ${t.out}`)),t.junit&&await ve(t.junit,me(i),e),s.stopped)return e.stderr.write(`${c(e.stderr,e.env).red("error:")} run stopped early: ${g(s.stopped)}
`),3;for(let m of s.suites)for(let C of m.unsupported)e.log.warn(`${m.prompt.file}: suite ${m.name}: ${C}`);let p=ct(o);return p&&e.log.warn(p),0}async function ft(t,e){let{options:n,progress:r}=U(t,e),{report:s}=await Z({...n,base:t.base,head:t.head,all:t.all,revisions:e.revisions});r.finish();let o=G(e.cwd,t.outDir),i=`${JSON.stringify(s,null,2)}
`;await h(b(o,"report.json"),i),await h(b(o,"report.md"),T(s)),await h(b(o,"summary.md"),I(s)),await h(b(o,"report.html"),N(s)),t.format==="json"?e.stdout.write(i):e.stdout.write(R($(s),s.verdict,c(e.stdout,e.env))),e.log.info(`wrote ${b(t.outDir,"report.md")}, summary.md, report.json and report.html`),t.junit&&await ve(t.junit,pe(s),e);let a=ut(s),p=c(e.stderr,e.env);return s.stopped?e.stderr.write(`${a===3?p.red("error:"):p.yellow("warning:")} run stopped early: ${g(s.stopped)}; the report covers what ran
`):s.calls.failed&&e.log.warn(`${s.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),a}async function ve(t,e,n){await h(G(n.cwd,t),e),n.log.info(`wrote ${t}`)}var gt={summary:I,plain:$,md:T,html:N};async function ht(t,e){let n=await ue(e.cwd,t.file),r=gt[t.format](n);return e.stdout.write(r.endsWith(`
`)?r:`${r}
`),0}export{ut as exitCodeFor,ct as failedSamples,yr as runCommand};
