import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as V,b as ne}from"./chunk-XYL7LTV2.js";import{a as se,b as F,c as T,d as oe,e as ie,g as I,h as x,i as N,j as W}from"./chunk-PNZ6IAE3.js";import{A as E,B as Q,C as ee,D as te,E as re,c as K,d as X,e as z,y as B}from"./chunk-T22UPBMY.js";import{a as b,b as j}from"./chunk-BUX5ENGT.js";import"./chunk-7AYIRYDR.js";import{c as S}from"./chunk-CAXDLL7L.js";import{C as ae,i as A,p as Z,q as O,s as _,t as v}from"./chunk-UPEEYFDA.js";import{a as P,b as q,c}from"./chunk-GGTPKJU3.js";import"./chunk-5SILH6BQ.js";import{mkdir as at,writeFile as pt}from"node:fs/promises";import{dirname as ut,join as R,resolve as U}from"node:path";var D=4e3,pe=1e3,Ce=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function je(t){return t.replace(Ce,e=>`\\u${e.charCodeAt(0).toString(16).padStart(4,"0")}`)}function M(t){return je(t).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function f(t){return M(t).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function Ae(t){let e=t.replace(/\s*\n\s*/g," ");return e.length>pe?`${e.slice(0,pe)}…`:e}function Oe(t){let e=[`name="${f(t.name)}"`,`classname="${f(t.classname)}"`];t.file&&e.push(`file="${f(t.file)}"`),t.line&&e.push(`line="${t.line}"`);let n=`    <testcase ${e.join(" ")}`,s=t.outcome;if(s.kind==="pass")return s.out?`${n}>
      <system-out>${M(s.out)}</system-out>
    </testcase>`:`${n}/>`;if(s.kind==="skipped")return`${n}>
      <skipped message="${f(s.message)}"/>
    </testcase>`;let r=f(Ae(s.message));return`${n}>
      <${s.kind} type="${f(s.type)}" message="${r}">${M(s.body)}</${s.kind}>
    </testcase>`}function _e(t,e,n){let s=a=>e.filter(p=>p.outcome.kind===a).length,r=`name="${f(t)}" tests="${e.length}" failures="${s("failure")}" errors="${s("error")}" skipped="${s("skipped")}"`,o=n.length?`    <properties>
${n.map(([a,p])=>`      <property name="${f(a)}" value="${f(p)}"/>`).join(`
`)}
    </properties>
`:"",i=e.map(Oe).join(`
`);return`  <testsuite ${r}>
${o}${i}${i?`
`:""}  </testsuite>`}function ue(t){let e=t.flatMap(o=>o.cases),n=o=>e.filter(i=>i.outcome.kind===o).length,s=`<testsuites name="promptgate" tests="${e.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}">`,r=t.map(o=>_e(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${s}
${r}${r?`
`:""}</testsuites>
`}function Ee(t){return(t??[]).map(e=>typeof e=="string"?e:"code"in e?e.code:e.strong).join("")}function Fe(t,e){let n=e.source?{file:e.source.file,line:e.source.line}:{},s=`passed ${T(e.base)} → ${T(e.head)}`,r={name:e.id,classname:t.name,...n};if(e.change==="regressed"){let o=Ee(oe(e)),i=e.base.output===e.head.output?`output (identical on both sides):
${F(e.head.output,D)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${ie(e.base.output,e.head.output,{maxChars:D})}`;return{...r,outcome:{kind:"failure",type:"regressed",message:`regressed: ${s}${o?` — ${o}`:""}`,body:i}}}if(e.change==="error"){let o=`errors: base ${e.base.errors??0}, head ${e.head.errors??0}`,i=e.head.runs===0?e.head.output:e.base.output;return{...r,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...r,outcome:{kind:"pass",out:`${e.change}: ${s}`}}}function Te(t){let e={name:"gate",classname:t.name},n=t.reasons.join(`
`);return t.status==="error"?{...e,outcome:{kind:"error",type:"error",message:t.error??"the suite could not run",body:t.error??""}}:t.status==="skipped"||t.status==="removed"?{...e,outcome:{kind:"skipped",message:n||`suite ${t.status}`}}:t.verdict==="fail"?{...e,outcome:{kind:"failure",type:"gate",message:n||"the gate failed",body:n}}:{...e,outcome:{kind:"pass",out:`${t.verdict}${n?`: ${n}`:""}`}}}function me(t){return ue(t.suites.map(e=>({name:e.name,cases:[Te(e),...e.caseResults.map(n=>Fe(e,n))],properties:[["status",e.status],["verdict",e.verdict],["repeats",String(e.repeats)],["base",`${t.base.ref} ${t.base.sha}`],["head",`${t.head.ref} ${t.head.sha}`]]})))}function Ie(t,e){let n={name:e.id,classname:t.name,file:e.source.file,line:e.source.line},s=e.samples.filter(p=>p.call&&p.error===void 0);if(s.length===0){let p=e.samples.find(u=>u.error!==void 0)?.error??"no sample ran";return{...n,outcome:{kind:"error",type:"error",message:p,body:p}}}let r=s.filter(p=>!p.hardPass);if(r.length===0)return{...n,outcome:{kind:"pass"}};let o=r[0],i=o.outcomes.find(p=>!p.pass&&p.grade==="hard")??o.outcomes.find(p=>!p.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...n,outcome:{kind:"failure",type:"assertion",message:`failed ${r.length} of ${v(s.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${F(o.call?.output??"",D)}`}}}function ce(t){return ue(t.suites.map(e=>({name:e.name,cases:e.run.cases.map(n=>Ie(e,n)),properties:[["model",e.model],["repeats",String(e.repeats)]]})))}async function le(t,e,n,s){let{suites:r,warnings:o}=await re(t,e,n,s),i=[...o],a=[],p=await X(r.flatMap(m=>m.cases.flatMap(l=>l.assert))),u=0;for(let m of r){for(let l of m.cases){u++;try{te(m.prompt,l)}catch(y){if(y instanceof c)i.push(...y.problems);else throw y}for(let y of l.assert){let Y=K(y,{schemas:p});Y&&i.push({file:l.source.file,line:l.source.line,message:`case ${l.id}: ${y.type}: ${Y}`})}}for(let l of m.unsupported)a.push({file:m.prompt.file,message:`suite ${m.name}: ${l}`})}let h=i.filter(m=>!o.includes(m));if(h.length&&!s.keepGoing)throw new c(h);let w=[...i,...a];for(let m of w)s.onWarning?.(m);let Se=w.length?`, ${w.length} warning(s)`:"";return`ok — ${r.length} suite(s), ${u} case(s)${Se}`}import{readFile as xe}from"node:fs/promises";import{resolve as Ne}from"node:path";var J="give the path of a report.json written by `promptgate compare`",d=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);function We(t){if(!d(t))return"not a JSON object";if(t.kind==="run"||Array.isArray(t.suites)&&t.suites.some(s=>d(s)&&"run"in s))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(t.version!==1)return`not a promptgate report.json (version ${JSON.stringify(t.version??null)}, expected 1)`;let e=["verdict","base","head","suites","calls","gate"].filter(s=>t[s]===void 0);if(e.length)return`not a promptgate report.json (no ${e.map(s=>`\`${s}\``).join(", ")})`;if(!Array.isArray(t.suites)||!d(t.calls)||!d(t.gate)||!d(t.base)||!d(t.head))return"not a promptgate report.json (fields of the wrong type)";let n=t.suites.findIndex(s=>!d(s)||typeof s.name!="string"||typeof s.status!="string"||!Array.isArray(s.caseResults)||!Array.isArray(s.reasons));if(n>=0)return`not a promptgate report.json (suites[${n}] is incomplete)`}async function fe(t,e){let n;try{n=await xe(Ne(t,e),"utf8")}catch(o){let i=o.code;throw c.one(e,`${i==="ENOENT"?"file not found":`cannot read the file (${i??o.message})`}; ${J}`)}let s;try{s=JSON.parse(n)}catch(o){throw c.one(e,`not JSON (${o.message}); ${J}`)}let r=We(s);if(r)throw c.one(e,`${r}; ${J}`);return s}function de(t){let e=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],n=t.map(o=>{let i=B(o.cases,o.cases),a=o.cases.reduce((p,u)=>p+u.samples.length,0);return[o.name,String(o.cases.length),String(a),A(i.passRate),A(i.softPassRate),`${_(i.tokens.input)}/${_(i.tokens.output)}`,Z(i.costUsd,i.costEstimated),O(i.latencyP50Ms),O(i.latencyP95Ms),String(i.errors)]}),s=e.map((o,i)=>Math.max(o.length,...n.map(a=>a[i].length))),r=o=>o.map((i,a)=>a===0?i.padEnd(s[a]):i.padStart(s[a])).join("  ");return`${[r(e),r(s.map(o=>"-".repeat(o))),...n.map(r)].join(`
`)}
`}var De=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,G="  │ ";function ge(t,e,n){if(!n.enabled)return t;let s=t.split(`
`),r=s.length-(s.at(-1)===""?2:1),o="none",i=-1;return s.map((a,p)=>p===0?n.bold(j(n,e)(a)):a===""?(o="none",a):p===r?n.dim(a):o==="table"?Me(a,i,n):o==="prompt-diff"?Je(a,n):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),n.bold(a)):De.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),n.bold(a)):a.startsWith(G)?G+Ge(a.slice(G.length),n):a).join(`
`)}function Me(t,e,n){let s=[...t];if(e<0||s.length<=e)return t;let r=s.slice(e).join(""),o=/^\S+(?: \(\w+\))?/.exec(r)?.[0];return o?s.slice(0,e).join("")+j(n,o.replace(/^added \(|\)$/g,""))(o)+r.slice(o.length):t}function Je(t,e){let n=t.slice(2);return n.startsWith("@@")?e.dim(t):n.startsWith("---")||n.startsWith("+++")?e.bold(t):n.startsWith("-")?e.red(t):n.startsWith("+")?e.green(t):t}function Ge(t,e){return t.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(n,s)=>s!==void 0?e.red(n):e.green(n))}import{mkdir as rt,stat as st,writeFile as nt}from"node:fs/promises";import{dirname as ot,join as L}from"node:path";var He="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",he=".github/workflows/promptgate.yml",ye=`name: promptgate
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
`;function k(t){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(t)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(t)?t:JSON.stringify(t)}var g=t=>t.replace(/[\r\n]+/g," "),Le=`# yaml-language-server: $schema=${He}
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
`,Ue=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function Ye(t){let e=t.variables.length?`variables: ${t.variables.map(g).join(", ")}`:"no variables";return`  # ${g(t.file)} (${t.format}; ${e})
  - name: ${k(t.name)}
    prompt: ${k(t.file)}
    cases: ${k(t.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var qe=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function $e(t,e,n,s){let r=[];e.length&&r.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...e.map(a=>`#   ${g(a)}`)),n.length&&r.push("# Looked like prompts but did not parse (fix them, then add a suite):",...n.map(a=>`#   ${g(a.file)}: ${g(a.why)}`)),s>0&&r.push(`# ${s} more prompt files were found; add suites for them by hand.`);let o=t.length?t.map(Ye).join(`
`):qe;return`${`${Le}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${r.length?`${r.join(`
`)}
`:""}suites:${t.length?"":" []"}
${o}${Ue}`}function Ke(t){let e={};for(let n of t){let s=n.split("."),r=e;s.forEach((o,i)=>{i===s.length-1?r[o]??=`TODO: a value for {{${n}}}`:r=r[o]=typeof r[o]=="object"&&r[o]!==null?r[o]:{}})}return"expected"in e||(e.expected="TODO: what a correct answer contains"),e}function we(t,e){return Object.entries(t).map(([n,s])=>typeof s=="object"&&s!==null?`${e}${k(n)}:
${we(s,`${e}  `)}`:`${e}${k(n)}: ${JSON.stringify(s)}`).join(`
`)}function be(t){let e=we(Ke(t.variables),"    ");return`# Cases for suite \`${g(t.name)}\` (${g(t.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${e}
`}var C="promptgate.yml",H=".github/promptgate.yml",Xe=50,ze=/\.(prompty|prompt)$/i,Be=/\.(md|txt|json|ya?ml)$/i,Ve=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function Ze(t){if(E(t)||ze.test(t))return!0;if(!Be.test(t)||t.startsWith(".github/")||t===C)return!1;let e=t.split("/"),n=e.at(-1);return Ve.test(n)||e.some(s=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(s))?!1:e.some(s=>/prompt/i.test(s))}function Qe(t){return t.problems?.[0]?.message??(t instanceof Error?t.message:String(t))}async function et(t){let e=[],n=[],s=[];for(let r of(await t.list()).filter(Ze)){if(E(r)){n.push(r);continue}let o=await t.read(r);if(o!==void 0)try{let i=ee(r,o);if(i.format==="template"&&i.variables.length===0)continue;e.push({file:r,format:i.format,variables:i.variables})}catch(i){if(Q(r)==="chat")continue;s.push({file:r,why:Qe(i)})}}return{prompts:e,promptYml:n,skipped:s}}function tt(t){let e=(s,r)=>s.replace(/\.[^./]+$/,"").split("/").slice(-r).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",n=t.map(s=>e(s,1));for(let s=2;s<=8;s++){let r=new Set(n.filter((o,i)=>n.indexOf(o)!==i));if(r.size===0)break;t.forEach((o,i)=>{r.has(n[i])&&(n[i]=e(o,s))})}return n.map((s,r)=>n.indexOf(s)===r?s:`${s}-${r+1}`)}async function ve(t){let e=await et(t),n=e.prompts.slice(0,Xe),s=tt(n.map(i=>i.file)),r=n.map((i,a)=>({...i,name:s[a],cases:`evals/${s[a]}.yaml`})),o=[{path:C,text:$e(r,e.promptYml,e.skipped,e.prompts.length-n.length)},...r.map(i=>({path:i.cases,text:be(i)})),{path:he,text:ye}];return{suites:r,promptYml:e.promptYml,skipped:e.skipped,files:o}}async function it(t){try{return await st(t),!0}catch{return!1}}async function ke(t){let e=await ve(new S(t.cwd)),n=[...e.files.map(r=>r.path),H];for(let r of n){if(!await it(L(t.cwd,r)))continue;let o=r===H?`a config already exists (init writes ${C})`:"already exists";throw c.one(r,`${o}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let r of e.files){await rt(ot(L(t.cwd,r.path)),{recursive:!0});try{await nt(L(t.cwd,r.path),r.text,{flag:"wx"})}catch(o){throw o.code!=="EEXIST"?o:c.one(r.path,"already exists; `promptgate init` never overwrites a file")}t.stdout.write(`wrote ${r.path}
`)}let s=e.suites.length?`${v(e.suites.length,"suite")}: ${e.suites.map(r=>`${r.name} (${r.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";t.stdout.write(`${s}
`),e.promptYml.length&&t.stdout.write(`${v(e.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let r of e.skipped)t.log.warn(`${r.file}: not added, it does not parse as a prompt: ${r.why}`);return t.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}function mt(t){return t.cancelled||t.stopped?3:t.verdict==="fail"?1:0}async function $(t,e){await at(ut(t),{recursive:!0}),await pt(t,e)}function ct(t){let e=0,n=0,s="";for(let r of t)for(let o of r.cases)for(let i of o.samples)n++,i.error!==void 0&&(e++,s||(s=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${r.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return e?P(`${e} of ${n} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${s}`):""}async function cr(t,e){switch(t.command){case"validate":return lt(t,e);case"run":return ft(t,e);case"compare":return dt(t,e);case"render":return ht(t,e);case"init":return ke(e)}}function Re(t,e){let n=ae(e.stderr);return{options:{cwd:e.cwd,configPath:t.config,repeatsOverride:t.repeats,cacheDir:t.cacheDir,cacheMode:t.cacheMode,concurrency:t.concurrency,keepGoing:t.keepGoing,env:e.env,log:e.log,signal:e.signal,onProgress:n.update},progress:n}}async function lt(t,e){let n=new S(e.cwd),{config:s,file:r}=await z(n,t.config),o=await le(n,s,r,{keepGoing:t.keepGoing,onWarning:i=>e.log.warn(q(i))});return e.stdout.write(`${r??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function ft(t,e){let{options:n,progress:s}=Re(t,e),r=await ne({...n,suites:t.suites});s.finish();let o=r.sides[0],i=V({configFile:r.configFile,runs:o,calls:r.calls,stopped:r.stopped,pricing:r.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(t.format==="json")e.stdout.write(a);else{let u=b(e.stdout,e.env),[h="",...w]=de(o).split(`
`);e.stdout.write([u.bold(h),...w].join(`
`)),e.stdout.write(u.dim(`calls: ${r.calls.made} made, ${r.calls.cached} from cache, ${r.calls.failed} failed`)+`
`)}if(t.out&&(await $(U(e.cwd,t.out),a),e.log.info(`wrote ${t.out}`)),t.junit&&await Pe(t.junit,ce(i),e),r.stopped)return e.stderr.write(`${b(e.stderr,e.env).red("error:")} run stopped early: ${P(r.stopped)}
`),3;for(let u of r.suites)for(let h of u.unsupported)e.log.warn(`${u.prompt.file}: suite ${u.name}: ${h}`);let p=ct(o);return p&&e.log.warn(p),0}async function dt(t,e){let{options:n,progress:s}=Re(t,e),{report:r}=await se({...n,base:t.base,head:t.head,all:t.all,revisions:e.revisions});s.finish();let o=U(e.cwd,t.outDir),i=`${JSON.stringify(r,null,2)}
`;await $(R(o,"report.json"),i),await $(R(o,"report.md"),I(r)),await $(R(o,"summary.md"),x(r)),await $(R(o,"report.html"),W(r)),t.format==="json"?e.stdout.write(i):e.stdout.write(ge(N(r),r.verdict,b(e.stdout,e.env))),e.log.info(`wrote ${R(t.outDir,"report.md")}, summary.md, report.json and report.html`),t.junit&&await Pe(t.junit,me(r),e);let a=mt(r),p=b(e.stderr,e.env);return r.stopped?e.stderr.write(`${a===3?p.red("error:"):p.yellow("warning:")} run stopped early: ${P(r.stopped)}; the report covers what ran
`):r.calls.failed&&e.log.warn(`${r.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),a}async function Pe(t,e,n){await $(U(n.cwd,t),e),n.log.info(`wrote ${t}`)}var gt={summary:x,plain:N,md:I,html:W};async function ht(t,e){let n=await fe(e.cwd,t.file),s=gt[t.format](n);return e.stdout.write(s.endsWith(`
`)?s:`${s}
`),0}export{mt as exitCodeFor,ct as failedSamples,cr as runCommand};
