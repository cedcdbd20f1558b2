import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as Y}from"./chunk-VPEQ2Y4Z.js";import{a as E,b as Z}from"./chunk-I23GNDXM.js";import{a as K,b as U}from"./chunk-BUNTVGTE.js";import{b as T,d as L,f as J}from"./chunk-DOWFHNCF.js";import{B as H,G as R,K as G,L as q,g as M}from"./chunk-JQ4KFRHC.js";import"./chunk-JWMGGZT7.js";import"./chunk-5LUVZFSQ.js";import"./chunk-CWOOFKLC.js";import{a as b}from"./chunk-T6QOONJY.js";import{b as W}from"./chunk-GJPQJFKU.js";import"./chunk-VQAYKUSV.js";import{f as v}from"./chunk-4V53EFXB.js";import{a as z}from"./chunk-FRBS3I46.js";import"./chunk-PGJMOWNN.js";import{i as A,p as D,q as k,s as j,u as I}from"./chunk-GRCY3EM3.js";import"./chunk-P5KY4IFK.js";import"./chunk-GKPKG35G.js";import{a as $,b as x,c as S}from"./chunk-MKQX3MD6.js";import{a as C,b as O,d as _,f as p}from"./chunk-X4XQKLWU.js";var X=O((Ee,B)=>{p();B.exports=C("node:path")});var ee=O((He,V)=>{p();V.exports=C("node:fs/promises")});var re=O((Ge,te)=>{p();te.exports=C("node:path")});p();var y=_(X(),1);p();function Q(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],s=e.map(n=>{let i=H(n.cases,n.cases),a=n.cases.reduce((l,m)=>l+m.samples.length,0);return[n.name,String(n.cases.length),String(a),A(i.passRate),A(i.softPassRate),`${j(i.tokens.input)}/${j(i.tokens.output)}`,D(i.costUsd,i.costEstimated),k(i.latencyP50Ms),k(i.latencyP95Ms),String(i.errors)]}),o=t.map((n,i)=>Math.max(n.length,...s.map(a=>a[i].length))),r=n=>n.map((i,a)=>a===0?i.padEnd(o[a]):i.padStart(o[a])).join("  ");return`${[r(t),r(o.map(n=>"-".repeat(n))),...s.map(r)].join(`
`)}
`}p();var h=_(ee(),1),f=_(re(),1);p();p();var ce="https://raw.githubusercontent.com/promptgate/promptgate/v1/schema/promptgate.schema.json",oe=".github/workflows/promptgate.yml",se=`name: promptgate
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
`;function g(e){return/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(e)&&!/^(true|false|null|yes|no|on|off|~)$/i.test(e)?e:JSON.stringify(e)}var d=e=>e.replace(/[\r\n]+/g," "),ue=`# yaml-language-server: $schema=${ce}
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
`,de=`
# When the check fails. A suite fails when its pass rate fell by at least min_effect with
# Holm-adjusted p < alpha, or when head's pass rate is under min_pass_rate.
gate:
  alpha: 0.05
  min_effect: 0.05 # 5 percentage points
  min_pass_rate: { hard: 0, soft: 0 } # raise these once the suites pass reliably
  # max_cost_increase: 0.2 # fail when cost rises more than 20 % (with its CI above that)
  # max_latency_p95_increase: 0.5
`;function fe(e){let t=e.variables.length?`variables: ${e.variables.map(d).join(", ")}`:"no variables";return`  # ${d(e.file)} (${e.format}; ${t})
  - name: ${g(e.name)}
    prompt: ${g(e.file)}
    cases: ${g(e.cases)} # starter cases: replace the placeholders with real inputs
    assert: # applied to every case; say what a correct answer is (README "Assertions")
      - { type: contains, value: "{{expected}}", grade: hard }
      # - { type: is-json, grade: hard }
      # - { type: llm-rubric, value: "The reply answers the question politely.", grade: soft }
`}var he=`  # No prompt file was found. A suite pairs a prompt with its cases, e.g.:
  # - name: triage
  #   prompt: prompts/triage.md # a template with {{variables}}, a chat file, .prompty or .prompt
  #   cases: evals/triage.yaml
  #   assert:
  #     - { type: equals, value: "{{expected}}", grade: hard }
`;function ne(e,t,s,o){let r=[];t.length&&r.push("# GitHub prompt files are suites on their own (their testData and evaluators), found without","# configuration:",...t.map(a=>`#   ${d(a)}`)),s.length&&r.push("# Looked like prompts but did not parse (fix them, then add a suite):",...s.map(a=>`#   ${d(a.file)}: ${d(a.why)}`)),o>0&&r.push(`# ${o} more prompt files were found; add suites for them by hand.`);let n=e.length?e.map(fe).join(`
`):he;return`${`${ue}
# One suite per prompt: its cases run on the PR's base and head, and the results are paired.
`}${r.length?`${r.join(`
`)}
`:""}suites:${e.length?"":" []"}
${n}${de}`}function ge(e){let t={};for(let s of e){let o=s.split("."),r=t;o.forEach((n,i)=>{i===o.length-1?r[n]??=`TODO: a value for {{${s}}}`:r=r[n]=typeof r[n]=="object"&&r[n]!==null?r[n]:{}})}return"expected"in t||(t.expected="TODO: what a correct answer contains"),t}function ie(e,t){return Object.entries(e).map(([s,o])=>typeof o=="object"&&o!==null?`${t}${g(s)}:
${ie(o,`${t}  `)}`:`${t}${g(s)}: ${JSON.stringify(o)}`).join(`
`)}function ae(e){let t=ie(ge(e.variables),"    ");return`# Cases for suite \`${d(e.name)}\` (${d(e.file)}), written by \`promptgate init\`.
# One entry per case: \`vars\` fills the prompt's {{variables}}, and \`expected\` is what the
# suite's assertion looks for in the answer. Replace the placeholders with real inputs; a few
# dozen cases let the statistics tell a real regression from noise.
- id: example-1
  vars:
${t}
`}var P="promptgate.yml",F=".github/promptgate.yml",we=50,ye=/\.(prompty|prompt)$/i,$e=/\.(md|txt|json|ya?ml)$/i,be=/^(readme|changelog|license|contributing|code_of_conduct|security)\b/i;function ve(e){if(R(e)||ye.test(e))return!0;if(!$e.test(e)||e.startsWith(".github/")||e===P)return!1;let t=e.split("/"),s=t.at(-1);return be.test(s)||t.some(o=>/^(evals?|datasets?|tests?|fixtures|examples|docs)$/i.test(o))?!1:t.some(o=>/prompt/i.test(o))}function Pe(e){return e.problems?.[0]?.message??(e instanceof Error?e.message:String(e))}async function Ce(e){let t=[],s=[],o=[];for(let r of(await e.list()).filter(ve)){if(R(r)){s.push(r);continue}let n=await e.read(r);if(n!==void 0)try{let i=q(r,n);if(i.format==="template"&&i.variables.length===0)continue;t.push({file:r,format:i.format,variables:i.variables})}catch(i){if(G(r)==="chat")continue;o.push({file:r,why:Pe(i)})}}return{prompts:t,promptYml:s,skipped:o}}function Oe(e){let t=(o,r)=>o.replace(/\.[^./]+$/,"").split("/").slice(-r).join("-").replace(/[^A-Za-z0-9._-]+/g,"-").replace(/^[-.]+|-+$/g,"")||"prompt",s=e.map(o=>t(o,1));for(let o=2;o<=8;o++){let r=new Set(s.filter((n,i)=>s.indexOf(n)!==i));if(r.size===0)break;e.forEach((n,i)=>{r.has(s[i])&&(s[i]=t(n,o))})}return s.map((o,r)=>s.indexOf(o)===r?o:`${o}-${r+1}`)}async function pe(e){let t=await Ce(e),s=t.prompts.slice(0,we),o=Oe(s.map(i=>i.file)),r=s.map((i,a)=>({...i,name:o[a],cases:`evals/${o[a]}.yaml`})),n=[{path:P,text:ne(r,t.promptYml,t.skipped,t.prompts.length-s.length)},...r.map(i=>({path:i.cases,text:ae(i)})),{path:oe,text:se}];return{suites:r,promptYml:t.promptYml,skipped:t.skipped,files:n}}async function _e(e){try{return await(0,h.stat)(e),!0}catch{return!1}}async function me(e){let t=await pe(new v(e.cwd)),s=[...t.files.map(r=>r.path),F];for(let r of s){if(!await _e((0,f.join)(e.cwd,r)))continue;let n=r===F?`a config already exists (init writes ${P})`:"already exists";throw S.one(r,`${n}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`)}for(let r of t.files){await(0,h.mkdir)((0,f.dirname)((0,f.join)(e.cwd,r.path)),{recursive:!0});try{await(0,h.writeFile)((0,f.join)(e.cwd,r.path),r.text,{flag:"wx"})}catch(n){throw n.code!=="EEXIST"?n:S.one(r.path,"already exists; `promptgate init` never overwrites a file")}e.stdout.write(`wrote ${r.path}
`)}let o=t.suites.length?`${I(t.suites.length,"suite")}: ${t.suites.map(r=>`${r.name} (${r.file})`).join(", ")}`:"no prompt file found: add a suite to promptgate.yml by hand";e.stdout.write(`${o}
`),t.promptYml.length&&e.stdout.write(`${I(t.promptYml.length,"GitHub prompt file")} run as suites on their own
`);for(let r of t.skipped)e.log.warn(`${r.file}: not added, it does not parse as a prompt: ${r.why}`);return e.stdout.write("next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run `promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n"),0}var w=()=>import("./chunk-JHRU6FNR.js");function Se(e){let t=0,s=0,o="";for(let r of e)for(let n of r.cases)for(let i of n.samples)s++,i.error!==void 0&&(t++,o||(o=`${n.source.file}${n.source.line?`:${n.source.line}`:""}: suite ${r.name}, case ${n.id}, sample ${i.index+1}: ${i.error}`));return t?$(`${t} of ${s} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${o}`):""}async function gt(e,t){switch(e.command){case"validate":return Re(e,t);case"run":return Ae(e,t);case"compare":return ke(e,t);case"merge":return Ie(e,t);case"render":return Te(e,t);case"init":return me(t);case"drift":return(await import("./chunk-2HZ6Q6O4.js")).driftCommand(e,t,N(e,t))}}function N(e,t){let s=z(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,redactor:t.redactor,signal:t.signal,onProgress:s.update},progress:s}}async function Re(e,t){let s=new v(t.cwd),{config:o,file:r}=await M(s,e.config),n=await K(s,o,r,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(x(i))});return t.stdout.write(`${r??"(no config: *.prompt.yml files only)"}: ${n}
`),0}async function Ae(e,t){let{options:s,progress:o}=N(e,t),r=await U({...s,suites:e.suites});o.finish();let n=r.sides[0],i=Y({configFile:r.configFile,runs:n,calls:r.calls,stopped:r.stopped,pricing:r.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let m=b(t.stdout,t.env),[c="",...le]=Q(n).split(`
`);t.stdout.write([m.bold(c),...le].join(`
`)),t.stdout.write(m.dim(`calls: ${r.calls.made} made, ${r.calls.cached} from cache, ${r.calls.failed} failed`)+`
`)}if(e.out&&(await E((0,y.resolve)(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await Z(e.junit,(await w()).renderJUnitRun(i),t),r.stopped)return t.stderr.write(`${b(t.stderr,t.env).red("error:")} run stopped early: ${$(r.stopped)}
`),3;for(let m of r.suites)for(let c of m.unsupported)t.log.warn(`${m.prompt.file}: suite ${m.name}: ${c}`);let l=Se(n);return l&&t.log.warn(l),0}async function ke(e,t){let{options:s,progress:o}=N(e,t),r={...s,base:e.base,head:e.head,all:e.all,revisions:t.revisions};if(e.shard){let c=await T({...r,shard:e.shard});return o.finish(),je(c,e,t)}let n,a=await T({...r,onProgress:c=>{n??=w(),s.onProgress(c)}});o.finish();let{finishComparison:l,writeComparison:m}=await(n??w());return m(l(a,t.redactor).report,e,t)}async function je(e,t,s){let o=J(e),r=(0,y.join)(t.outDir,L(o.shard)),n=JSON.stringify(s.redactor?s.redactor.redactDeep(o):o);await E((0,y.resolve)(s.cwd,r),`${n}
`);let i=e.input.suites.reduce((a,l)=>a+((l.head??l.base)?.cases.length??0),0);if(s.log.info(`wrote ${r} (shard ${W(o.shard)}: ${i} case(s)); combine the shards with \`promptgate merge\``),e.input.stopped||e.input.cancelled){let a=e.input.stopped??"cancelled";return s.stderr.write(`${b(s.stderr,s.env).red("error:")} run stopped early: ${$(a)}
`),3}return 0}async function Ie(e,t){let{loadPartials:s,mergeComparison:o,finishComparison:r,writeComparison:n}=await w(),i=await s(t.cwd,e.paths),{report:a}=r(o(i),t.redactor);return t.log.info(`merged ${i.length} shard(s)`),n(a,e,t)}async function Te(e,t){let{readReport:s,renderComment:o,renderPlain:r,renderSummary:n,renderHtml:i}=await w(),a={summary:n,plain:r,md:o,html:i},{report:l,warning:m}=await s(t.cwd,e.file);m&&t.log.warn(m);let c=a[e.format](l);return t.stdout.write(c.endsWith(`
`)?c:`${c}
`),0}export{Se as failedSamples,gt as runCommand};
