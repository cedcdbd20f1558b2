import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as U,b as z,c as B}from"./chunk-ONOI32KL.js";import{a as X,b as A,c as O,d as V,e as Z,g as _,h as E,i as T,j as F}from"./chunk-WZSJFIVV.js";import{f as L,l as G,n as j,q,r as K}from"./chunk-SUUYDNO4.js";import{a as g,b as k}from"./chunk-BUX5ENGT.js";import"./chunk-W6HF53KC.js";import{f as b}from"./chunk-HPETQO75.js";import{f as S,m as Y,n as C,p as P,q as h,z as Q}from"./chunk-LQBGXQNP.js";import{a as w,b as H,c}from"./chunk-BHRI4ICT.js";import"./chunk-5SILH6BQ.js";import{mkdir as Ze,writeFile as Qe}from"node:fs/promises";import{dirname as et,join as $,resolve as J}from"node:path";var I=4e3,ee=1e3,ye=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function $e(t){return t.replace(ye,e=>`\\u${e.charCodeAt(0).toString(16).padStart(4,"0")}`)}function x(t){return $e(t).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function m(t){return x(t).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function we(t){let e=t.replace(/\s*\n\s*/g," ");return e.length>ee?`${e.slice(0,ee)}…`:e}function be(t){let e=[`name="${m(t.name)}"`,`classname="${m(t.classname)}"`];t.file&&e.push(`file="${m(t.file)}"`),t.line&&e.push(`line="${t.line}"`);let n=`    <testcase ${e.join(" ")}`,s=t.outcome;if(s.kind==="pass")return s.out?`${n}>
      <system-out>${x(s.out)}</system-out>
    </testcase>`:`${n}/>`;if(s.kind==="skipped")return`${n}>
      <skipped message="${m(s.message)}"/>
    </testcase>`;let r=m(we(s.message));return`${n}>
      <${s.kind} type="${m(s.type)}" message="${r}">${x(s.body)}</${s.kind}>
    </testcase>`}function ve(t,e,n){let s=a=>e.filter(p=>p.outcome.kind===a).length,r=`name="${m(t)}" tests="${e.length}" failures="${s("failure")}" errors="${s("error")}" skipped="${s("skipped")}"`,o=n.length?`    <properties>
${n.map(([a,p])=>`      <property name="${m(a)}" value="${m(p)}"/>`).join(`
`)}
    </properties>
`:"",i=e.map(be).join(`
`);return`  <testsuite ${r}>
${o}${i}${i?`
`:""}  </testsuite>`}function te(t){let e=t.flatMap(o=>o.cases),n=o=>e.filter(i=>i.outcome.kind===o).length,s=`<testsuites name="promptgate" tests="${e.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}">`,r=t.map(o=>ve(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${s}
${r}${r?`
`:""}</testsuites>
`}function Re(t){return(t??[]).map(e=>typeof e=="string"?e:"code"in e?e.code:e.strong).join("")}function ke(t,e){let n=e.source?{file:e.source.file,line:e.source.line}:{},s=`passed ${O(e.base)} → ${O(e.head)}`,r={name:e.id,classname:t.name,...n};if(e.change==="regressed"){let o=Re(V(e)),i=e.base.output===e.head.output?`output (identical on both sides):
${A(e.head.output,I)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${Z(e.base.output,e.head.output,{maxChars:I})}`;return{...r,outcome:{kind:"failure",type:"regressed",message:`regressed: ${s}${o?` — ${o}`:""}`,body:i}}}if(e.change==="error"){let o=`errors: base ${e.base.errors??0}, head ${e.head.errors??0}`,i=e.head.runs===0?e.head.output:e.base.output;return{...r,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...r,outcome:{kind:"pass",out:`${e.change}: ${s}`}}}function Se(t){let e={name:"gate",classname:t.name},n=t.reasons.join(`
`);return t.status==="error"?{...e,outcome:{kind:"error",type:"error",message:t.error??"the suite could not run",body:t.error??""}}:t.status==="skipped"||t.status==="removed"?{...e,outcome:{kind:"skipped",message:n||`suite ${t.status}`}}:t.verdict==="fail"?{...e,outcome:{kind:"failure",type:"gate",message:n||"the gate failed",body:n}}:{...e,outcome:{kind:"pass",out:`${t.verdict}${n?`: ${n}`:""}`}}}function re(t){return te(t.suites.map(e=>({name:e.name,cases:[Se(e),...e.caseResults.map(n=>ke(e,n))],properties:[["status",e.status],["verdict",e.verdict],["repeats",String(e.repeats)],["base",`${t.base.ref} ${t.base.sha}`],["head",`${t.head.ref} ${t.head.sha}`]]})))}function Ce(t,e){let n={name:e.id,classname:t.name,file:e.source.file,line:e.source.line},s=e.samples.filter(p=>p.call&&p.error===void 0);if(s.length===0){let p=e.samples.find(u=>u.error!==void 0)?.error??"no sample ran";return{...n,outcome:{kind:"error",type:"error",message:p,body:p}}}let r=s.filter(p=>!p.hardPass);if(r.length===0)return{...n,outcome:{kind:"pass"}};let o=r[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...n,outcome:{kind:"failure",type:"assertion",message:`failed ${r.length} of ${h(s.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${A(o.call?.output??"",I)}`}}}function se(t){return te(t.suites.map(e=>({name:e.name,cases:e.run.cases.map(n=>Ce(e,n)),properties:[["model",e.model],["repeats",String(e.repeats)]]})))}import{readFile as Pe}from"node:fs/promises";import{resolve as je}from"node:path";var N="give the path of a report.json written by `promptgate compare`",l=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);function Ae(t){if(!l(t))return"not a JSON object";if(t.kind==="run"||Array.isArray(t.suites)&&t.suites.some(s=>l(s)&&"run"in s))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(t.version!==1)return`not a promptgate report.json (version ${JSON.stringify(t.version??null)}, expected 1)`;let e=["verdict","base","head","suites","calls","gate"].filter(s=>t[s]===void 0);if(e.length)return`not a promptgate report.json (no ${e.map(s=>`\`${s}\``).join(", ")})`;if(!Array.isArray(t.suites)||!l(t.calls)||!l(t.gate)||!l(t.base)||!l(t.head))return"not a promptgate report.json (fields of the wrong type)";let n=t.suites.findIndex(s=>!l(s)||typeof s.name!="string"||typeof s.status!="string"||!Array.isArray(s.caseResults)||!Array.isArray(s.reasons));if(n>=0)return`not a promptgate report.json (suites[${n}] is incomplete)`}async function ne(t,e){let n;try{n=await Pe(je(t,e),"utf8")}catch(o){let i=o.code;throw c.one(e,`${i==="ENOENT"?"file not found":`cannot read the file (${i??o.message})`}; ${N}`)}let s;try{s=JSON.parse(n)}catch(o){throw c.one(e,`not JSON (${o.message}); ${N}`)}let r=Ae(s);if(r)throw c.one(e,`${r}; ${N}`);return s}function oe(t){let e=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],n=t.map(o=>{let i=G(o.cases,o.cases),a=o.cases.reduce((p,u)=>p+u.samples.length,0);return[o.name,String(o.cases.length),String(a),S(i.passRate),S(i.softPassRate),`${P(i.tokens.input)}/${P(i.tokens.output)}`,Y(i.costUsd,i.costEstimated),C(i.latencyP50Ms),C(i.latencyP95Ms),String(i.errors)]}),s=e.map((o,i)=>Math.max(o.length,...n.map(a=>a[i].length))),r=o=>o.map((i,a)=>a===0?i.padEnd(s[a]):i.padStart(s[a])).join("  ");return`${[r(e),r(s.map(o=>"-".repeat(o))),...n.map(r)].join(`
`)}
`}var Oe=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,W="  │ ";function ie(t,e,n){if(!n.enabled)return t;let s=t.split(`
`),r=s.length-(s.at(-1)===""?2:1),o="none",i=-1;return s.map((a,p)=>p===0?n.bold(k(n,e)(a)):a===""?(o="none",a):p===r?n.dim(a):o==="table"?_e(a,i,n):o==="prompt-diff"?Ee(a,n):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),n.bold(a)):Oe.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),n.bold(a)):a.startsWith(W)?W+Te(a.slice(W.length),n):a).join(`
`)}function _e(t,e,n){let s=[...t];if(e<0||s.length<=e)return t;let r=s.slice(e).join(""),o=/^\S+(?: \(\w+\))?/.exec(r)?.[0];return o?s.slice(0,e).join("")+k(n,o.replace(/^added \(|\)$/g,""))(o)+r.slice(o.length):t}function Ee(t,e){let n=t.slice(2);return n.startsWith("@@")?e.dim(t):n.startsWith("---")||n.startsWith("+++")?e.bold(t):n.startsWith("-")?e.red(t):n.startsWith("+")?e.green(t):t}function Te(t,e){return t.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(n,s)=>s!==void 0?e.red(n):e.green(n))}import{mkdir as Ke,stat as Xe,writeFile as ze}from"node:fs/promises";import{dirname as Be,join as M}from"node:path";var Fe="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",ae=".github/workflows/promptgate.yml",pe=`name: promptgate
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
`;function y(t){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(t)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(t)?t:JSON.stringify(t)}var d=t=>t.replace(/[\r\n]+/g," "),Ie=`# yaml-language-server: $schema=${Fe}
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
`,xe=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function Ne(t){let e=t.variables.length?`variables: ${t.variables.map(d).join(", ")}`:"no variables";return`  # ${d(t.file)} (${t.format}; ${e})
  - name: ${y(t.name)}
    prompt: ${y(t.file)}
    cases: ${y(t.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var We=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function ue(t,e,n,s){let r=[];e.length&&r.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...e.map(a=>`#   ${d(a)}`)),n.length&&r.push("# Looked like prompts but did not parse (fix them, then add a suite):",...n.map(a=>`#   ${d(a.file)}: ${d(a.why)}`)),s>0&&r.push(`# ${s} more prompt files were found; add suites for them by hand.`);let o=t.length?t.map(Ne).join(`
`):We;return`${`${Ie}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${r.length?`${r.join(`
`)}
`:""}suites:${t.length?"":" []"}
${o}${xe}`}function De(t){let e={};for(let n of t){let s=n.split("."),r=e;s.forEach((o,i)=>{i===s.length-1?r[o]??=`TODO: a value for {{${n}}}`:r=r[o]=typeof r[o]=="object"&&r[o]!==null?r[o]:{}})}return"expected"in e||(e.expected="TODO: what a correct answer contains"),e}function me(t,e){return Object.entries(t).map(([n,s])=>typeof s=="object"&&s!==null?`${e}${y(n)}:
${me(s,`${e}  `)}`:`${e}${y(n)}: ${JSON.stringify(s)}`).join(`
`)}function ce(t){let e=me(De(t.variables),"    ");return`# Cases for suite \`${d(t.name)}\` (${d(t.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${e}
`}var v="promptgate.yml",D=".github/promptgate.yml",Me=50,Je=/\.(prompty|prompt)$/i,He=/\.(md|txt|json|ya?ml)$/i,Le=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function Ge(t){if(j(t)||Je.test(t))return!0;if(!He.test(t)||t.startsWith(".github/")||t===v)return!1;let e=t.split("/"),n=e.at(-1);return Le.test(n)||e.some(s=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(s))?!1:e.some(s=>/prompt/i.test(s))}function Ue(t){return t.problems?.[0]?.message??(t instanceof Error?t.message:String(t))}async function Ye(t){let e=[],n=[],s=[];for(let r of(await t.list()).filter(Ge)){if(j(r)){n.push(r);continue}let o=await t.read(r);if(o!==void 0)try{let i=K(r,o);if(i.format==="template"&&i.variables.length===0)continue;e.push({file:r,format:i.format,variables:i.variables})}catch(i){if(q(r)==="chat")continue;s.push({file:r,why:Ue(i)})}}return{prompts:e,promptYml:n,skipped:s}}function qe(t){let e=(s,r)=>s.replace(/\.[^./]+$/,"").split("/").slice(-r).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",n=t.map(s=>e(s,1));for(let s=2;s<=8;s++){let r=new Set(n.filter((o,i)=>n.indexOf(o)!==i));if(r.size===0)break;t.forEach((o,i)=>{r.has(n[i])&&(n[i]=e(o,s))})}return n.map((s,r)=>n.indexOf(s)===r?s:`${s}-${r+1}`)}async function le(t){let e=await Ye(t),n=e.prompts.slice(0,Me),s=qe(n.map(i=>i.file)),r=n.map((i,a)=>({...i,name:s[a],cases:`evals/${s[a]}.yaml`})),o=[{path:v,text:ue(r,e.promptYml,e.skipped,e.prompts.length-n.length)},...r.map(i=>({path:i.cases,text:ce(i)})),{path:ae,text:pe}];return{suites:r,promptYml:e.promptYml,skipped:e.skipped,files:o}}async function Ve(t){try{return await Xe(t),!0}catch{return!1}}async function de(t){let e=await le(new b(t.cwd)),n=[...e.files.map(r=>r.path),D];for(let r of n){if(!await Ve(M(t.cwd,r)))continue;let o=r===D?`a config already exists (init writes ${v})`:"already exists";throw c.one(r,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let r of e.files){await Ke(Be(M(t.cwd,r.path)),{recursive:!0});try{await ze(M(t.cwd,r.path),r.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:c.one(r.path,"already exists; `promptgate init` never overwrites a file")}t.stdout.write(`wrote ${r.path}
`)}let s=e.suites.length?`${h(e.suites.length,"suite")}: ${e.suites.map(r=>`${r.name} (${r.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";t.stdout.write(`${s}
`),e.promptYml.length&&t.stdout.write(`${h(e.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let r of e.skipped)t.log.warn(`${r.file}: not added, it does not parse as a prompt: ${r.why}`);return t.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}function tt(t){return t.cancelled||t.stopped?3:t.verdict==="fail"?1:0}async function f(t,e){await Ze(et(t),{recursive:!0}),await Qe(t,e)}function rt(t){let e=0,n=0,s="";for(let r of t)for(let o of r.cases)for(let i of o.samples)n++,i.error!==void 0&&(e++,s||(s=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${r.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return e?w(`${e} of ${n} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${s}`):""}async function Zt(t,e){switch(t.command){case"validate":return st(t,e);case"run":return nt(t,e);case"compare":return ot(t,e);case"render":return at(t,e);case"init":return de(e)}}function fe(t,e){let n=Q(e.stderr);return{options:{cwd:e.cwd,configPath:t.config,repeatsOverride:t.repeats,cacheDir:t.cacheDir,cacheMode:t.cacheMode,concurrency:t.concurrency,keepGoing:t.keepGoing,env:e.env,log:e.log,redactor:e.redactor,signal:e.signal,onProgress:n.update},progress:n}}async function st(t,e){let n=new b(e.cwd),{config:s,file:r}=await L(n,t.config),o=await z(n,s,r,{keepGoing:t.keepGoing,onWarning:i=>e.log.warn(H(i))});return e.stdout.write(`${r??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function nt(t,e){let{options:n,progress:s}=fe(t,e),r=await B({...n,suites:t.suites});s.finish();let o=r.sides[0],i=U({configFile:r.configFile,runs:o,calls:r.calls,stopped:r.stopped,pricing:r.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(t.format==="json")e.stdout.write(a);else{let u=g(e.stdout,e.env),[R="",...he]=oe(o).split(`
`);e.stdout.write([u.bold(R),...he].join(`
`)),e.stdout.write(u.dim(`calls: ${r.calls.made} made, ${r.calls.cached} from cache, ${r.calls.failed} failed`)+`
`)}if(t.out&&(await f(J(e.cwd,t.out),a),e.log.info(`wrote ${t.out}`)),t.junit&&await ge(t.junit,se(i),e),r.stopped)return e.stderr.write(`${g(e.stderr,e.env).red("error:")} run stopped early: ${w(r.stopped)}
`),3;for(let u of r.suites)for(let R of u.unsupported)e.log.warn(`${u.prompt.file}: suite ${u.name}: ${R}`);let p=rt(o);return p&&e.log.warn(p),0}async function ot(t,e){let{options:n,progress:s}=fe(t,e),{report:r}=await X({...n,base:t.base,head:t.head,all:t.all,revisions:e.revisions});s.finish();let o=J(e.cwd,t.outDir),i=`${JSON.stringify(r,null,2)}
`;await f($(o,"report.json"),i),await f($(o,"report.md"),_(r)),await f($(o,"summary.md"),E(r)),await f($(o,"report.html"),F(r)),t.format==="json"?e.stdout.write(i):e.stdout.write(ie(T(r),r.verdict,g(e.stdout,e.env))),e.log.info(`wrote ${$(t.outDir,"report.md")}, summary.md, report.json and report.html`),t.junit&&await ge(t.junit,re(r),e);let a=tt(r),p=g(e.stderr,e.env);return r.stopped?e.stderr.write(`${a===3?p.red("error:"):p.yellow("warning:")} run stopped early: ${w(r.stopped)}; the report covers what ran
`):r.calls.failed&&e.log.warn(`${r.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),a}async function ge(t,e,n){await f(J(n.cwd,t),e),n.log.info(`wrote ${t}`)}var it={summary:E,plain:T,md:_,html:F};async function at(t,e){let n=await ne(e.cwd,t.file),s=it[t.format](n);return e.stdout.write(s.endsWith(`
`)?s:`${s}
`),0}export{tt as exitCodeFor,rt as failedSamples,Zt as runCommand};
