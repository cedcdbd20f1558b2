import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as M}from"./chunk-B77QFGXY.js";import{a as I,b as U}from"./chunk-DFP4JQAC.js";import{a as L,b as J}from"./chunk-KFMDP3YA.js";import{b as j,d as q,f as D}from"./chunk-6TIKVOG3.js";import{B as W,G as _,K as H,L as Y,g as x}from"./chunk-7XDOJ4YS.js";import"./chunk-LF2JQ4Z3.js";import"./chunk-IPP5ALW5.js";import"./chunk-ICSC7F66.js";import{a as y}from"./chunk-BUX5ENGT.js";import{b as N}from"./chunk-JXO7Z43Q.js";import"./chunk-HEMRLST7.js";import{f as $}from"./chunk-PIAQCBW4.js";import{a as K}from"./chunk-C5VCIY6N.js";import"./chunk-JTSS4RUQ.js";import{i as S,p as G,q as R,s as A,u as k}from"./chunk-J7X2BUQJ.js";import"./chunk-IPD3NX7B.js";import"./chunk-ITCX4ZYK.js";import{a as w,b as F,c as O}from"./chunk-BHRI4ICT.js";import{a as v,b as P,d as C}from"./chunk-5SILH6BQ.js";var Z=P((Ie,z)=>{z.exports=v("node:path")});var Q=P((Ne,X)=>{X.exports=v("node:fs/promises")});var ee=P((xe,V)=>{V.exports=v("node:path")});var g=C(Z(),1);function B(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],s=e.map(n=>{let i=W(n.cases,n.cases),a=n.cases.reduce((m,p)=>m+p.samples.length,0);return[n.name,String(n.cases.length),String(a),S(i.passRate),S(i.softPassRate),`${A(i.tokens.input)}/${A(i.tokens.output)}`,G(i.costUsd,i.costEstimated),R(i.latencyP50Ms),R(i.latencyP95Ms),String(i.errors)]}),o=t.map((n,i)=>Math.max(n.length,...s.map(a=>a[i].length))),r=n=>n.map((i,a)=>a===0?i.padEnd(o[a]):i.padStart(o[a])).join("  ");return`${[r(t),r(o.map(n=>"-".repeat(n))),...s.map(r)].join(`
`)}
`}var d=C(Q(),1),u=C(ee(),1);var me="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",te=".github/workflows/promptgate.yml",re=`name: promptgate
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
`;function f(e){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(e)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(e)?e:JSON.stringify(e)}var c=e=>e.replace(/[\r\n]+/g," "),le=`# yaml-language-server: $schema=${me}
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
`,ce=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function ue(e){let t=e.variables.length?`variables: ${e.variables.map(c).join(", ")}`:"no variables";return`  # ${c(e.file)} (${e.format}; ${t})
  - name: ${f(e.name)}
    prompt: ${f(e.file)}
    cases: ${f(e.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var de=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function oe(e,t,s,o){let r=[];t.length&&r.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...t.map(a=>`#   ${c(a)}`)),s.length&&r.push("# Looked like prompts but did not parse (fix them, then add a suite):",...s.map(a=>`#   ${c(a.file)}: ${c(a.why)}`)),o>0&&r.push(`# ${o} more prompt files were found; add suites for them by hand.`);let n=e.length?e.map(ue).join(`
`):de;return`${`${le}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${r.length?`${r.join(`
`)}
`:""}suites:${e.length?"":" []"}
${n}${ce}`}function fe(e){let t={};for(let s of e){let o=s.split("."),r=t;o.forEach((n,i)=>{i===o.length-1?r[n]??=`TODO: a value for {{${s}}}`:r=r[n]=typeof r[n]=="object"&&r[n]!==null?r[n]:{}})}return"expected"in t||(t.expected="TODO: what a correct answer contains"),t}function se(e,t){return Object.entries(e).map(([s,o])=>typeof o=="object"&&o!==null?`${t}${f(s)}:
${se(o,`${t}  `)}`:`${t}${f(s)}: ${JSON.stringify(o)}`).join(`
`)}function ne(e){let t=se(fe(e.variables),"    ");return`# Cases for suite \`${c(e.name)}\` (${c(e.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${t}
`}var b="promptgate.yml",T=".github/promptgate.yml",he=50,ge=/\.(prompty|prompt)$/i,we=/\.(md|txt|json|ya?ml)$/i,ye=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function $e(e){if(_(e)||ge.test(e))return!0;if(!we.test(e)||e.startsWith(".github/")||e===b)return!1;let t=e.split("/"),s=t.at(-1);return ye.test(s)||t.some(o=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(o))?!1:t.some(o=>/prompt/i.test(o))}function be(e){return e.problems?.[0]?.message??(e instanceof Error?e.message:String(e))}async function ve(e){let t=[],s=[],o=[];for(let r of(await e.list()).filter($e)){if(_(r)){s.push(r);continue}let n=await e.read(r);if(n!==void 0)try{let i=Y(r,n);if(i.format==="template"&&i.variables.length===0)continue;t.push({file:r,format:i.format,variables:i.variables})}catch(i){if(H(r)==="chat")continue;o.push({file:r,why:be(i)})}}return{prompts:t,promptYml:s,skipped:o}}function Pe(e){let t=(o,r)=>o.replace(/\.[^./]+$/,"").split("/").slice(-r).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",s=e.map(o=>t(o,1));for(let o=2;o<=8;o++){let r=new Set(s.filter((n,i)=>s.indexOf(n)!==i));if(r.size===0)break;e.forEach((n,i)=>{r.has(s[i])&&(s[i]=t(n,o))})}return s.map((o,r)=>s.indexOf(o)===r?o:`${o}-${r+1}`)}async function ie(e){let t=await ve(e),s=t.prompts.slice(0,he),o=Pe(s.map(i=>i.file)),r=s.map((i,a)=>({...i,name:o[a],cases:`evals/${o[a]}.yaml`})),n=[{path:b,text:oe(r,t.promptYml,t.skipped,t.prompts.length-s.length)},...r.map(i=>({path:i.cases,text:ne(i)})),{path:te,text:re}];return{suites:r,promptYml:t.promptYml,skipped:t.skipped,files:n}}async function Ce(e){try{return await(0,d.stat)(e),!0}catch{return!1}}async function ae(e){let t=await ie(new $(e.cwd)),s=[...t.files.map(r=>r.path),T];for(let r of s){if(!await Ce((0,u.join)(e.cwd,r)))continue;let n=r===T?`a config already exists (init writes ${b})`:"already exists";throw O.one(r,`${n}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let r of t.files){await(0,d.mkdir)((0,u.dirname)((0,u.join)(e.cwd,r.path)),{recursive:!0});try{await(0,d.writeFile)((0,u.join)(e.cwd,r.path),r.text,{flag:"wx"})}catch(n){throw n.code!=="EEXIST"?n:O.one(r.path,"already exists; `promptgate init` never overwrites a file")}e.stdout.write(`wrote ${r.path}
`)}let o=t.suites.length?`${k(t.suites.length,"suite")}: ${t.suites.map(r=>`${r.name} (${r.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";e.stdout.write(`${o}
`),t.promptYml.length&&e.stdout.write(`${k(t.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let r of t.skipped)e.log.warn(`${r.file}: not added, it does not parse as a prompt: ${r.why}`);return e.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}var h=()=>import("./chunk-TTIUTE6R.js");function Oe(e){let t=0,s=0,o="";for(let r of e)for(let n of r.cases)for(let i of n.samples)s++,i.error!==void 0&&(t++,o||(o=`${n.source.file}${n.source.line?`:${n.source.line}`:""}: suite ${r.name}, case ${n.id}, sample ${i.index+1}: ${i.error}`));return t?w(`${t} of ${s} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${o}`):""}async function at(e,t){switch(e.command){case"validate":return _e(e,t);case"run":return Se(e,t);case"compare":return Re(e,t);case"merge":return ke(e,t);case"render":return je(e,t);case"init":return ae(t);case"drift":return(await import("./chunk-C3DOARZJ.js")).driftCommand(e,t,E(e,t))}}function E(e,t){let s=K(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,redactor:t.redactor,signal:t.signal,onProgress:s.update},progress:s}}async function _e(e,t){let s=new $(t.cwd),{config:o,file:r}=await x(s,e.config),n=await L(s,o,r,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(F(i))});return t.stdout.write(`${r??"(no config: *.prompt.yml files only)"}: ${n}
`),0}async function Se(e,t){let{options:s,progress:o}=E(e,t),r=await J({...s,suites:e.suites});o.finish();let n=r.sides[0],i=M({configFile:r.configFile,runs:n,calls:r.calls,stopped:r.stopped,pricing:r.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let p=y(t.stdout,t.env),[l="",...pe]=B(n).split(`
`);t.stdout.write([p.bold(l),...pe].join(`
`)),t.stdout.write(p.dim(`calls: ${r.calls.made} made, ${r.calls.cached} from cache, ${r.calls.failed} failed`)+`
`)}if(e.out&&(await I((0,g.resolve)(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await U(e.junit,(await h()).renderJUnitRun(i),t),r.stopped)return t.stderr.write(`${y(t.stderr,t.env).red("error:")} run stopped early: ${w(r.stopped)}
`),3;for(let p of r.suites)for(let l of p.unsupported)t.log.warn(`${p.prompt.file}: suite ${p.name}: ${l}`);let m=Oe(n);return m&&t.log.warn(m),0}async function Re(e,t){let{options:s,progress:o}=E(e,t),r={...s,base:e.base,head:e.head,all:e.all,revisions:t.revisions};if(e.shard){let l=await j({...r,shard:e.shard});return o.finish(),Ae(l,e,t)}let n,a=await j({...r,onProgress:l=>{n??=h(),s.onProgress(l)}});o.finish();let{finishComparison:m,writeComparison:p}=await(n??h());return p(m(a,t.redactor).report,e,t)}async function Ae(e,t,s){let o=D(e),r=(0,g.join)(t.outDir,q(o.shard)),n=JSON.stringify(s.redactor?s.redactor.redactDeep(o):o);await I((0,g.resolve)(s.cwd,r),`${n}
`);let i=e.input.suites.reduce((a,m)=>a+((m.head??m.base)?.cases.length??0),0);if(s.log.info(`wrote ${r} (shard ${N(o.shard)}: ${i} case(s)); combine the shards with \`promptgate merge\``),e.input.stopped||e.input.cancelled){let a=e.input.stopped??"cancelled";return s.stderr.write(`${y(s.stderr,s.env).red("error:")} run stopped early: ${w(a)}
`),3}return 0}async function ke(e,t){let{loadPartials:s,mergeComparison:o,finishComparison:r,writeComparison:n}=await h(),i=await s(t.cwd,e.paths),{report:a}=r(o(i),t.redactor);return t.log.info(`merged ${i.length} shard(s)`),n(a,e,t)}async function je(e,t){let{readReport:s,renderComment:o,renderPlain:r,renderSummary:n,renderHtml:i}=await h(),a={summary:n,plain:r,md:o,html:i},{report:m,warning:p}=await s(t.cwd,e.file);p&&t.log.warn(p);let l=a[e.format](m);return t.stdout.write(l.endsWith(`
`)?l:`${l}
`),0}export{Oe as failedSamples,at as runCommand};
