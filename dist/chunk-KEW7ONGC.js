import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as N}from"./chunk-HX4DYE5P.js";import{a as R,b as J}from"./chunk-U4JBQKYD.js";import{a as G,b as D}from"./chunk-2LXN6M44.js";import{b as S,d as H,f as Y}from"./chunk-UFCTAXDQ.js";import{B as F,G as v,K as x,L as W,g as E}from"./chunk-NBC52U2A.js";import"./chunk-JWMGGZT7.js";import"./chunk-5LUVZFSQ.js";import"./chunk-CWOOFKLC.js";import{a as g}from"./chunk-T6QOONJY.js";import{b as T}from"./chunk-A767MP7T.js";import"./chunk-MP6IYAMS.js";import{f as w}from"./chunk-GS3H7DMW.js";import{a as L}from"./chunk-FRBS3I46.js";import"./chunk-JNWQVBKW.js";import{i as P,p as M,q as C,s as O,u as _}from"./chunk-GRCY3EM3.js";import"./chunk-M45MDKGM.js";import"./chunk-GKPKG35G.js";import{a as h,b as I,c as b}from"./chunk-MKQX3MD6.js";import{f as c}from"./chunk-X4XQKLWU.js";c();import{join as be,resolve as V}from"node:path";c();function K(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],s=e.map(n=>{let i=F(n.cases,n.cases),a=n.cases.reduce((m,p)=>m+p.samples.length,0);return[n.name,String(n.cases.length),String(a),P(i.passRate),P(i.softPassRate),`${O(i.tokens.input)}/${O(i.tokens.output)}`,M(i.costUsd,i.costEstimated),C(i.latencyP50Ms),C(i.latencyP95Ms),String(i.errors)]}),o=t.map((n,i)=>Math.max(n.length,...s.map(a=>a[i].length))),r=n=>n.map((i,a)=>a===0?i.padEnd(o[a]):i.padStart(o[a])).join("  ");return`${[r(t),r(o.map(n=>"-".repeat(n))),...s.map(r)].join(`
`)}
`}c();import{mkdir as he,stat as ge,writeFile as we}from"node:fs/promises";import{dirname as ye,join as k}from"node:path";c();c();var te="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",U=".github/workflows/promptgate.yml",q=`name: promptgate
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
`;function d(e){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(e)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(e)?e:JSON.stringify(e)}var u=e=>e.replace(/[\r\n]+/g," "),re=`# yaml-language-server: $schema=${te}
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
`,oe=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function se(e){let t=e.variables.length?`variables: ${e.variables.map(u).join(", ")}`:"no variables";return`  # ${u(e.file)} (${e.format}; ${t})
  - name: ${d(e.name)}
    prompt: ${d(e.file)}
    cases: ${d(e.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var ne=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function z(e,t,s,o){let r=[];t.length&&r.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...t.map(a=>`#   ${u(a)}`)),s.length&&r.push("# Looked like prompts but did not parse (fix them, then add a suite):",...s.map(a=>`#   ${u(a.file)}: ${u(a.why)}`)),o>0&&r.push(`# ${o} more prompt files were found; add suites for them by hand.`);let n=e.length?e.map(se).join(`
`):ne;return`${`${re}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${r.length?`${r.join(`
`)}
`:""}suites:${e.length?"":" []"}
${n}${oe}`}function ie(e){let t={};for(let s of e){let o=s.split("."),r=t;o.forEach((n,i)=>{i===o.length-1?r[n]??=`TODO: a value for {{${s}}}`:r=r[n]=typeof r[n]=="object"&&r[n]!==null?r[n]:{}})}return"expected"in t||(t.expected="TODO: what a correct answer contains"),t}function Z(e,t){return Object.entries(e).map(([s,o])=>typeof o=="object"&&o!==null?`${t}${d(s)}:
${Z(o,`${t}  `)}`:`${t}${d(s)}: ${JSON.stringify(o)}`).join(`
`)}function B(e){let t=Z(ie(e.variables),"    ");return`# Cases for suite \`${u(e.name)}\` (${u(e.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${t}
`}var $="promptgate.yml",A=".github/promptgate.yml",ae=50,pe=/\.(prompty|prompt)$/i,me=/\.(md|txt|json|ya?ml)$/i,le=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function ce(e){if(v(e)||pe.test(e))return!0;if(!me.test(e)||e.startsWith(".github/")||e===$)return!1;let t=e.split("/"),s=t.at(-1);return le.test(s)||t.some(o=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(o))?!1:t.some(o=>/prompt/i.test(o))}function ue(e){return e.problems?.[0]?.message??(e instanceof Error?e.message:String(e))}async function de(e){let t=[],s=[],o=[];for(let r of(await e.list()).filter(ce)){if(v(r)){s.push(r);continue}let n=await e.read(r);if(n!==void 0)try{let i=W(r,n);if(i.format==="template"&&i.variables.length===0)continue;t.push({file:r,format:i.format,variables:i.variables})}catch(i){if(x(r)==="chat")continue;o.push({file:r,why:ue(i)})}}return{prompts:t,promptYml:s,skipped:o}}function fe(e){let t=(o,r)=>o.replace(/\.[^./]+$/,"").split("/").slice(-r).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",s=e.map(o=>t(o,1));for(let o=2;o<=8;o++){let r=new Set(s.filter((n,i)=>s.indexOf(n)!==i));if(r.size===0)break;e.forEach((n,i)=>{r.has(s[i])&&(s[i]=t(n,o))})}return s.map((o,r)=>s.indexOf(o)===r?o:`${o}-${r+1}`)}async function X(e){let t=await de(e),s=t.prompts.slice(0,ae),o=fe(s.map(i=>i.file)),r=s.map((i,a)=>({...i,name:o[a],cases:`evals/${o[a]}.yaml`})),n=[{path:$,text:z(r,t.promptYml,t.skipped,t.prompts.length-s.length)},...r.map(i=>({path:i.cases,text:B(i)})),{path:U,text:q}];return{suites:r,promptYml:t.promptYml,skipped:t.skipped,files:n}}async function $e(e){try{return await ge(e),!0}catch{return!1}}async function Q(e){let t=await X(new w(e.cwd)),s=[...t.files.map(r=>r.path),A];for(let r of s){if(!await $e(k(e.cwd,r)))continue;let n=r===A?`a config already exists (init writes ${$})`:"already exists";throw b.one(r,`${n}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let r of t.files){await he(ye(k(e.cwd,r.path)),{recursive:!0});try{await we(k(e.cwd,r.path),r.text,{flag:"wx"})}catch(n){throw n.code!=="EEXIST"?n:b.one(r.path,"already exists; `promptgate init` never overwrites a file")}e.stdout.write(`wrote ${r.path}
`)}let o=t.suites.length?`${_(t.suites.length,"suite")}: ${t.suites.map(r=>`${r.name} (${r.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";e.stdout.write(`${o}
`),t.promptYml.length&&e.stdout.write(`${_(t.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let r of t.skipped)e.log.warn(`${r.file}: not added, it does not parse as a prompt: ${r.why}`);return e.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}var f=()=>import("./chunk-ZZN7Q3YY.js");function ve(e){let t=0,s=0,o="";for(let r of e)for(let n of r.cases)for(let i of n.samples)s++,i.error!==void 0&&(t++,o||(o=`${n.source.file}${n.source.line?`:${n.source.line}`:""}: suite ${r.name}, case ${n.id}, sample ${i.index+1}: ${i.error}`));return t?h(`${t} of ${s} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${o}`):""}async function pt(e,t){switch(e.command){case"validate":return Pe(e,t);case"run":return Ce(e,t);case"compare":return Oe(e,t);case"merge":return Se(e,t);case"render":return Re(e,t);case"init":return Q(t);case"drift":return(await import("./chunk-VI7GP2BO.js")).driftCommand(e,t,j(e,t))}}function j(e,t){let s=L(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,redactor:t.redactor,signal:t.signal,onProgress:s.update},progress:s}}async function Pe(e,t){let s=new w(t.cwd),{config:o,file:r}=await E(s,e.config),n=await G(s,o,r,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(I(i))});return t.stdout.write(`${r??"(no config: *.prompt.yml files only)"}: ${n}
`),0}async function Ce(e,t){let{options:s,progress:o}=j(e,t),r=await D({...s,suites:e.suites});o.finish();let n=r.sides[0],i=N({configFile:r.configFile,runs:n,calls:r.calls,stopped:r.stopped,pricing:r.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let p=g(t.stdout,t.env),[l="",...ee]=K(n).split(`
`);t.stdout.write([p.bold(l),...ee].join(`
`)),t.stdout.write(p.dim(`calls: ${r.calls.made} made, ${r.calls.cached} from cache, ${r.calls.failed} failed`)+`
`)}if(e.out&&(await R(V(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await J(e.junit,(await f()).renderJUnitRun(i),t),r.stopped)return t.stderr.write(`${g(t.stderr,t.env).red("error:")} run stopped early: ${h(r.stopped)}
`),3;for(let p of r.suites)for(let l of p.unsupported)t.log.warn(`${p.prompt.file}: suite ${p.name}: ${l}`);let m=ve(n);return m&&t.log.warn(m),0}async function Oe(e,t){let{options:s,progress:o}=j(e,t),r={...s,base:e.base,head:e.head,all:e.all,revisions:t.revisions};if(e.shard){let l=await S({...r,shard:e.shard});return o.finish(),_e(l,e,t)}let n,a=await S({...r,onProgress:l=>{n??=f(),s.onProgress(l)}});o.finish();let{finishComparison:m,writeComparison:p}=await(n??f());return p(m(a,t.redactor).report,e,t)}async function _e(e,t,s){let o=Y(e),r=be(t.outDir,H(o.shard)),n=JSON.stringify(s.redactor?s.redactor.redactDeep(o):o);await R(V(s.cwd,r),`${n}
`);let i=e.input.suites.reduce((a,m)=>a+((m.head??m.base)?.cases.length??0),0);if(s.log.info(`wrote ${r} (shard ${T(o.shard)}: ${i} case(s)); combine the shards with \`promptgate merge\``),e.input.stopped||e.input.cancelled){let a=e.input.stopped??"cancelled";return s.stderr.write(`${g(s.stderr,s.env).red("error:")} run stopped early: ${h(a)}
`),3}return 0}async function Se(e,t){let{loadPartials:s,mergeComparison:o,finishComparison:r,writeComparison:n}=await f(),i=await s(t.cwd,e.paths),{report:a}=r(o(i),t.redactor);return t.log.info(`merged ${i.length} shard(s)`),n(a,e,t)}async function Re(e,t){let{readReport:s,renderComment:o,renderPlain:r,renderSummary:n,renderHtml:i}=await f(),a={summary:n,plain:r,md:o,html:i},{report:m,warning:p}=await s(t.cwd,e.file);p&&t.log.warn(p);let l=a[e.format](m);return t.stdout.write(l.endsWith(`
`)?l:`${l}
`),0}export{ve as failedSamples,pt as runCommand};
