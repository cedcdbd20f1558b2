import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{F as be,b as F,c as S,e as _,f as I,g as le,h as de,i as ue,j as pe,l as fe,m as L,o as he,p as me,t as ge}from"./chunk-CV7RK7T6.js";import{a as se,b as ae,c as D,e as oe}from"./chunk-6TIKVOG3.js";import{H as J}from"./chunk-7XDOJ4YS.js";import{b as P}from"./chunk-JXO7Z43Q.js";import{D as ce,a as K,b as Q,c as Z,f as E,h as ee,i as q,o as te,p as re,q as ne,s as j,x as ie}from"./chunk-J7X2BUQJ.js";import{c as b}from"./chunk-BHRI4ICT.js";import{a as N,b as O,d as H}from"./chunk-5SILH6BQ.js";var ye=O((yt,$e)=>{$e.exports=N("node:crypto")});var Me=O((Yt,Te)=>{Te.exports=N("node:fs/promises")});var Oe=O((Xt,Ne)=>{Ne.exports=N("node:path")});var Le=H(ye(),1);function u(e){return Be.test(e)?ie(ce(e)):e}function v(e){return Ge.test(e)?u(e).replace(/"/g,"&quot;").replace(/'/g,"&#39;").replace(/\n/g,"&#10;").replace(/\t/g,"&#9;"):e}var Be=/[&<>\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/,Ge=/[&<>"'\t\n\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;function R(e){return e.map(t=>typeof t=="string"?u(t):"code"in t?`<code>${u(t.code)}</code>`:`<strong>${u(t.strong)}</strong>`).join("")}var We=8e3,we=2e3,ze=5,B=["regressed","error","flaky","fixed","unchanged"],T=e=>e.runs>0?e.passes/e.runs:0,G=(e,t)=>{let r=F(e,t);return r.omitted===0?u(r.text):`${u(r.text)}<span class="omitted">${u(S(r.omitted))}</span>`};function Ue(e){return!e||e.length===0?'<p class="muted">no failed assertion</p>':`<ul class="failed">${e.map(r=>`<li><code>${u(r.type)}</code> (${u(r.grade)}): ${G(r.reason||"(no reason given)",we)}</li>`).join("")}</ul>`}function Ve(e){let t=e.result,{changes:r,baseOmitted:n,headOmitted:s}=ge(t.base.output,t.head.output,{maxChars:We}),i=r.map(p=>p.added?"":p.removed?`<del>${u(p.value)}</del>`:u(p.value)).join(""),o=r.map(p=>p.removed?"":p.added?`<ins>${u(p.value)}</ins>`:u(p.value)).join(""),d=p=>p>0?`<span class="omitted">${u(S(p))}</span>`:"",a=t.base.output===t.head.output?'<p class="muted">Output identical on both sides.</p>':"",c=(p,f,h)=>{let m=t[p],g=m.errors?` · ${j(m.errors)} errored`:"";return`<div class="side ${p}"><h4>${p==="base"?"Base":"Head"} · passed ${L(m)}${g}</h4><pre class="out">${f}${d(h)}</pre><h5>Failed assertions and judge reasons</h5>${Ue(m.failed)}</div>`};return`${a}<div class="sides">${c("base",i,n)}${c("head",o,s)}</div>`}function Ye(e,t){let r=e.result,n=[];r.source&&n.push(`<code>${u(`${r.source.file}:${r.source.line}`)}</code>`),e.suite.repeats>=ze&&r.pValue!=null&&n.push(u(te(r.pValue))),r.significant&&n.push("significant (Benjamini–Hochberg q &lt; 0.1)");let s=pe(r),i=s.length?`<dl class="inputs">${s.map(([o,d])=>`<dt><code>${u(o)}</code></dt><dd><pre>${G(d,we)}</pre></dd>`).join("")}</dl>`:"";return`<tr class="detail" id="${t}" hidden><td colspan="7">${n.length?`<p>${n.join(" · ")}</p>`:""}${i}${Ve(e)}</td></tr>`}function Xe(e){let t=e.result.head.failed??[],r=t.find(n=>n.grade==="hard")??t[0];return r?`<code>${u(r.type)}</code>: ${G(r.reason,160)}`:""}function xe(e,t){let r=e.result,n=`case-${t}`,s={suite:e.suite.name,id:r.id,change:String(B.indexOf(r.change)),base:String(T(r.base)),head:String(T(r.head)),shift:String(T(r.head)-T(r.base))},i=Object.entries(s).map(([d,a])=>`data-key-${d}="${v(a)}"`).join(" "),o=[`<td><button type="button" class="toggle" aria-expanded="false" aria-controls="${n}" aria-label="show details">▸</button></td>`,`<td><code>${u(e.suite.name)}</code></td>`,`<td><code>${u(r.id)}</code></td>`,`<td><span class="change ${r.change}">${r.change}</span></td>`,`<td class="num">${L(r.base)}</td>`,`<td class="num">${L(r.head)}</td>`,`<td>${Xe(e)}</td>`];return`<tr class="case" data-suite="${v(e.suite.name)}" data-change="${r.change}" ${i}>${o.join("")}</tr>
${Ye(e,n)}`}var Je=[["",""],["suite","Suite"],["id","Case"],["change","Change"],["base","Base passed"],["head","Head passed"],["","Head failed (first assertion)"]];function Ke(e,t){let r=B.map(s=>{let i=t.filter(o=>o.result.change===s).length;return`<option value="${s}">${s} (${j(i)})</option>`}),n=e.suites.filter(s=>s.caseResults.length>0).map(s=>`<option value="${v(s.name)}">${u(s.name)}</option>`);return['<div class="filters" role="group" aria-label="Filter the cases">','<span class="scope"><label><input type="radio" name="scope" value="changed" checked> changed only</label>','<label><input type="radio" name="scope" value="all"> all cases</label></span>',`<label>Label <select id="f-change"><option value="">any</option>${r.join("")}</select></label>`,`<label>Suite <select id="f-suite"><option value="">any</option>${n.join("")}</select></label>`,'<label>Search <input type="search" id="f-text" placeholder="id, input or output"></label>',`<output id="f-count" aria-live="polite">${j(t.length)} cases</output>`,"</div>"].join(`
`)}function*ve(e){let t=B.flatMap(n=>fe(e,n));if(t.length===0){yield'<p class="muted">No paired cases in this report.</p>';return}let r=Je.map(([n,s])=>n?`<th scope="col" data-sort="${n}" aria-sort="none"><button type="button">${s}</button></th>`:`<th scope="col">${s}</th>`).join("");yield`${Ke(e,t)}
<p class="hint">A label filter overrides “changed only”. Click a header to sort, a row’s ▸ for its outputs.</p>
<div class="scroll"><table id="cases"><thead><tr>${r}</tr></thead>
<tbody>
`;for(let[n,s]of t.entries())yield n?`
${xe(s,n)}`:xe(s,n);yield`
</tbody></table></div>
<p id="f-empty" class="muted" hidden>No case matches the filters.</p>`}var W=760,C=150,z=40,A=(W-C-z-20)/2,w=26,y=34,Ce=26,ke=40,l=e=>String(Math.round(e*10)/10),Qe=e=>e.length>22?`${e.slice(0,21)}…`:e;function Pe(e){return e==="fail"?"var(--fail)":e==="warn"?"var(--warn)":"var(--pass)"}function Se(e,t,r){return[`<svg class="chart" viewBox="0 0 ${W} ${l(e)}" width="${W}" height="${l(e)}" role="img" aria-label="${u(t)}">`,...r,"</svg>"].join(`
`)}function Ae(e){return e.map((t,r)=>`<text class="label" x="${C-8}" y="${l(y+r*w+w/2+4)}" text-anchor="end">${u(Qe(t.name))}<title>${u(t.name)}</title></text>`)}var $=(e,t)=>e.x0+(t-e.lo)/(e.hi-e.lo)*A;function Re(e,t,r,n){let s=[`<line class="axis" x1="${l(e.x0)}" y1="${l(n)}" x2="${l(e.x0+A)}" y2="${l(n)}"/>`];for(let i of t){let o=$(e,i);s.push(`<line class="grid" x1="${l(o)}" y1="${y-4}" x2="${l(o)}" y2="${l(n)}"/>`),s.push(`<text class="tick" x="${l(o)}" y="${l(n+16)}" text-anchor="middle">${u(r(i))}</text>`)}return s}function Ze(e,t){let n=(t-e)/5,s=10**Math.floor(Math.log10(n)),i=[1,2,5,10].map(d=>d*s).find(d=>d>=n)??10*s,o=[];for(let d=Math.ceil(e/i)*i;d<=t+1e-9;d+=i)o.push(Math.round(d/i)*i);return o}function Ee(e){let t=C;return e.flatMap(([r,n,s])=>{let i=s==="hollow"?`<circle cx="${l(t+5)}" cy="14" r="5" fill="var(--bg)" stroke="${n}" stroke-width="2"/>`:s==="square"?`<rect x="${l(t)}" y="9" width="10" height="10" fill="${n}"/>`:`<circle cx="${l(t+5)}" cy="14" r="5" fill="${n}"/>`,o=`<text class="legend" x="${l(t+14)}" y="18">${u(r)}</text>`;return t+=24+r.length*6.6,[i,o]})}function je(e,t){let r=e.filter(f=>f.base?.passRate!=null||f.head?.passRate!=null).slice(0,ke);if(r.length===0)return"";let n=y+r.length*w,s={x0:C,lo:0,hi:1},o=r.flatMap(f=>[f.delta?.passRate,f.delta?.ciLow,f.delta?.ciHigh]).filter(f=>f!=null&&Number.isFinite(f)),d=Math.max(t.min_effect*1.5,...o.map(f=>Math.abs(f)),.05),a={x0:C+A+z,lo:-d*1.05,hi:d*1.05},c=[...Ee([["base","var(--base)","hollow"],["head (colour: verdict)","var(--pass)","dot"],[I(t).delta,"var(--ink)","square"]]),...Re(s,[0,.25,.5,.75,1],f=>`${Math.round(f*100)}%`,n),...Re(a,Ze(a.lo,a.hi),f=>`${Q(f)} pp`,n),`<line class="zero" x1="${l($(a,0))}" y1="${y-4}" x2="${l($(a,0))}" y2="${l(n)}"/>`,`<line class="threshold" x1="${l($(a,-t.min_effect))}" y1="${y-4}" x2="${l($(a,-t.min_effect))}" y2="${l(n)}"/>`,...Ae(r)],p=_(t);return r.forEach((f,h)=>c.push(...et(f,y+h*w+w/2,s,a,p))),Se(n+Ce,`Pass rate base → head per suite, and Δ with its ${E(p)}`,c)}function et(e,t,r,n,s){let i=[],o=e.base?.passRate,d=e.head?.passRate,a=Pe(e.verdict);o!=null&&d!=null&&i.push(`<line class="link" x1="${l($(r,o))}" y1="${l(t)}" x2="${l($(r,d))}" y2="${l(t)}"/>`),o!=null&&i.push(`<circle cx="${l($(r,o))}" cy="${l(t)}" r="6" fill="var(--bg)" stroke="var(--base)" stroke-width="2"><title>${u(`${e.name}: base ${q(o)}`)}</title></circle>`),d!=null&&i.push(`<circle cx="${l($(r,d))}" cy="${l(t)}" r="6" fill="${a}"><title>${u(`${e.name}: head ${q(d)}`)}</title></circle>`);let c=e.delta;if(c?.passRate==null)return i;if(c.ciLow!=null&&c.ciHigh!=null){let[f,h]=[$(n,c.ciLow),$(n,c.ciHigh)];i.push(`<line class="ci" x1="${l(f)}" y1="${l(t)}" x2="${l(h)}" y2="${l(t)}" stroke="${a}"/>`);for(let m of[f,h])i.push(`<line class="ci" x1="${l(m)}" y1="${l(t-5)}" x2="${l(m)}" y2="${l(t+5)}" stroke="${a}"/>`)}let p=ee(c.ciLow,c.ciHigh,s);return i.push(`<rect x="${l($(n,c.passRate)-5)}" y="${l(t-5)}" width="10" height="10" fill="${a}"><title>${u(`${e.name}: Δ ${Z(c.passRate)}${p}`)}</title></rect>`),i}var tt={label:"Cost",value:e=>e.costUsd,fmt:e=>re(e)},rt={label:"p95 latency",value:e=>e.latencyP95Ms,fmt:e=>ne(e)};function Fe(e){let t=e.filter(s=>s.base||s.head).slice(0,ke);if(t.length===0)return"";let r=y+t.length*w,n=[...Ee([["base","var(--base)","square"],["head (colour: verdict)","var(--pass)","square"]]),...Ae(t)];return[tt,rt].forEach((s,i)=>n.push(...nt(t,s,C+i*(A+z),r))),Se(r+Ce,"Cost and p95 latency, base vs head, per suite",n)}function nt(e,t,r,n){let s=e.flatMap(a=>[a.base,a.head].map(c=>c?t.value(c):null)),i=Math.max(0,...s.filter(a=>a!=null&&Number.isFinite(a))),o=a=>i>0?a/i*(A-70):0,d=[`<line class="axis" x1="${l(r)}" y1="${y-4}" x2="${l(r)}" y2="${l(n)}"/>`,`<text class="tick" x="${l(r)}" y="${l(n+16)}">${u(t.label)}</text>`];return e.forEach((a,c)=>{let p=y+c*w+4;["base","head"].forEach((f,h)=>{let m=a[f],g=m?t.value(m):null,Y=p+h*9;if(g==null||!Number.isFinite(g))return;let De=f==="base"?"var(--base)":Pe(a.verdict),X=Math.max(1,o(g));d.push(`<rect x="${l(r)}" y="${l(Y)}" width="${l(X)}" height="8" fill="${De}"><title>${u(`${a.name}: ${f} ${t.fmt(g)}`)}</title></rect>`,`<text class="value" x="${l(r+X+4)}" y="${l(Y+8)}">${u(t.fmt(g))}</text>`)})}),d}var U=`(() => {
  'use strict';
  const table = document.getElementById('cases');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.querySelectorAll('tr.case'));
  const detailOf = (row) => document.getElementById(row.querySelector('.toggle').getAttribute('aria-controls'));
  const label = document.getElementById('f-change');
  const suite = document.getElementById('f-suite');
  const search = document.getElementById('f-text');
  const counter = document.getElementById('f-count');
  const empty = document.getElementById('f-empty');
  const scope = () => (document.querySelector('input[name="scope"]:checked') || {}).value || 'changed';

  function visible(row) {
    const change = row.dataset.change;
    if (label.value) {
      if (change !== label.value) return false;
    } else if (scope() === 'changed' && change === 'unchanged') return false;
    if (suite.value && row.dataset.suite !== suite.value) return false;
    const q = search.value.trim().toLowerCase();
    if (q) {
      const d = detailOf(row);
      const haystack = (row.textContent + ' ' + (d ? d.textContent : '')).toLowerCase();
      if (!haystack.includes(q)) return false;
    }
    return true;
  }

  function apply() {
    let shown = 0;
    for (const row of rows) {
      const ok = visible(row);
      row.hidden = !ok;
      const d = detailOf(row);
      if (d) d.hidden = !ok || row.querySelector('.toggle').getAttribute('aria-expanded') !== 'true';
      if (ok) shown++;
    }
    counter.textContent = shown + ' of ' + rows.length + ' cases';
    empty.hidden = shown > 0;
  }

  function sortBy(th) {
    const key = th.dataset.sort;
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const other of table.tHead.querySelectorAll('th[data-sort]')) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const numeric = key !== 'suite' && key !== 'id';
    const value = (row) => row.getAttribute('data-key-' + key);
    const order = rows.map((row, i) => [row, i]);
    order.sort((a, b) => {
      const x = value(a[0]);
      const y = value(b[0]);
      const c = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
      return (ascending ? c : -c) || a[1] - b[1];
    });
    rows.length = 0;
    for (const [row] of order) {
      const d = detailOf(row);
      body.appendChild(row);
      if (d) body.appendChild(d);
      rows.push(row);
    }
  }

  body.addEventListener('click', (event) => {
    const button = event.target.closest('button.toggle');
    if (!button) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '▾' : '▸';
    const d = document.getElementById(button.getAttribute('aria-controls'));
    if (d) d.hidden = !open;
  });
  table.tHead.addEventListener('click', (event) => {
    const th = event.target.closest('th[data-sort]');
    if (th) sortBy(th);
  });
  for (const input of document.querySelectorAll('input[name="scope"]')) input.addEventListener('change', apply);
  label.addEventListener('change', apply);
  suite.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
})();
`;var V=`:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --ink: #1f2328;
  --pass: #1a7f37; --warn: #9a6700; --fail: #cf222e; --base: #8c959f;
  --del-bg: #ffebe9; --del-fg: #82071e; --ins-bg: #dafbe1; --ins-fg: #116329;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --soft: #151b23; --ink: #e6edf3;
    --pass: #3fb950; --warn: #d29922; --fail: #f85149; --base: #9198a1;
    --del-bg: #490202; --del-fg: #ffdcd7; --ins-bg: #04260f; --ins-fg: #aff5b4;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4, h5 { margin: 6px 0; } h5 { color: var(--muted); font-weight: 600; }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; }
code { background: var(--soft); padding: 0 4px; border-radius: 4px; overflow-wrap: anywhere; }
pre { background: var(--soft); padding: 8px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; }
.verdict { border-left: 6px solid var(--pass); padding: 4px 12px; }
.verdict.warn { border-color: var(--warn); } .verdict.fail { border-color: var(--fail); }
.muted, .hint, footer { color: var(--muted); } .hint { font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); white-space: nowrap; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
#cases td:nth-child(2) code, #cases td:nth-child(3) code { overflow-wrap: normal; white-space: nowrap; } .suites td { white-space: nowrap; } .suites code { overflow-wrap: normal; }
.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
.chart text { fill: var(--fg); font-size: 12px; } .chart .tick, .chart .value { fill: var(--muted); font-size: 11px; }
.chart .axis { stroke: var(--muted); } .chart .grid { stroke: var(--line); stroke-dasharray: 2 3; }
.chart .zero { stroke: var(--muted); } .chart .threshold { stroke: var(--fail); stroke-dasharray: 5 4; }
.chart .link { stroke: var(--base); stroke-width: 2; } .chart .ci { stroke-width: 2; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px; background: var(--soft); border-radius: 6px; }
.filters label { white-space: nowrap; } .filters select { max-width: 18em; } .filters output { margin-left: auto; color: var(--muted); }
.change { font-weight: 600; } .change.regressed, .change.error { color: var(--fail); }
.change.fixed { color: var(--pass); } .change.flaky { color: var(--warn); } .change.unchanged { color: var(--muted); }
button.toggle { border: 1px solid var(--line); background: var(--bg); color: var(--fg); border-radius: 4px; cursor: pointer; width: 26px; }
tr.detail > td { background: var(--bg); padding: 8px 8px 16px 40px; }
.sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
@media (max-width: 760px) { .sides { grid-template-columns: 1fr; } main { padding: 8px; } }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: none; }
.omitted { display: block; color: var(--muted); font-style: italic; }
dl.inputs { display: grid; grid-template-columns: fit-content(30%) minmax(0, 1fr); gap: 2px 12px; margin: 4px 0; }
dl.inputs dd { margin: 0; min-width: 0; } dl.inputs dt { min-width: 0; }
ul.failed { margin: 4px 0; padding-left: 20px; }
pre.diff .add { color: var(--ins-fg); background: var(--ins-bg); display: block; }
pre.diff .del { color: var(--del-fg); background: var(--del-bg); display: block; }
pre.diff .hunk { color: var(--muted); display: block; }
footer { margin-top: 32px; font-size: 12px; }
`;var st=2e5,_e=e=>(0,Le.createHash)("sha256").update(e,"utf8").digest("base64");function at(){return["default-src 'none'",`style-src 'sha256-${_e(V)}'`,`script-src 'sha256-${_e(U)}'`,"img-src 'none'","base-uri 'none'","form-action 'none'"].join("; ")}function ot(e,t){let r=I(t),n=Object.keys(r),s=n.map(o=>`<th scope="col"${o==="name"||o==="verdict"?"":' class="num"'}>${u(r[o])}</th>`),i=e.map(o=>{let d=me(o);return`<tr>${n.map(c=>c==="name"?`<td><code>${u(d.name)}</code></td>`:`<td${c==="verdict"?"":' class="num"'}>${u(d[c])}</td>`).join("")}</tr>`});return`<div class="scroll"><table class="suites"><thead><tr>${s.join("")}</tr></thead><tbody>${i.join("")}</tbody></table></div>`}function Ie(e,t){return t.length?`<h3>${u(e)}</h3><ul>${t.map(r=>`<li>${r}</li>`).join("")}</ul>`:""}function it(e){let t=le(e,1/0);return Ie("Why",t.lines.map(R))+Ie("Notes",de(e).map(R))}function ct(e){let t=e.startsWith("@@")?"hunk":e.startsWith("+")?"add":e.startsWith("-")?"del":"";return t?`<span class="${t}">${u(e)}</span>`:`${u(e)}
`}function lt(e){let t=e.filter(r=>r.promptDiff);return t.length===0?'<p class="muted">The rendered prompt is the same on both sides.</p>':t.map(r=>{let n=F(r.promptDiff,st),s=r.promptFile?` (<code>${u(r.promptFile)}</code>)`:"",i=n.omitted?`<span class="omitted">${u(S(n.omitted))}</span>`:"";return`<details open><summary><code>${u(r.name)}</code>${s}</summary><pre class="diff">${n.text.split(`
`).map(ct).join("")}${i}</pre></details>`}).join(`
`)}function dt(e){let t=je(e.suites,e.gate),r=Fe(e.suites);return!t&&!r?"":[t?`<h2>Pass rate</h2>
<p class="hint">Circles: base (hollow) and head pass rate. Squares: Δ head − base with its ${E(_(e.gate))}; dashed line at −min_effect (${u(`−${K(e.gate.min_effect)} pp`)}).</p>
${t}`:"",r?`<h2>Cost and latency</h2>
${r}`:""].join(`
`)}function Bt(e){return[...ut(e)].join("")}function*ut(e){let{icon:t,line:r,worst:n}=he(e),s=`promptgate: ${e.verdict} · ${e.base.ref} → ${e.head.ref}`;yield`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${v(at())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${u(s)}</title>
<style>${V}</style>
</head>
<body>
<main>
<header class="verdict ${e.verdict}">
<h1>${u(t)} ${R(r)}</h1>
${n?`<p>${R(n)}</p>`:""}
</header>
<h2>Suites</h2>
${e.suites.length?ot(e.suites,e.gate):'<p class="muted">No suite was affected by this change.</p>'}
${it(e)}
${dt(e)}
<h2>Cases</h2>
`,yield*ve(e),yield`
<h2>Prompt diff</h2>
${lt(e.suites)}
<footer>${R(ue(e))} · report.json version ${e.version}</footer>
</main>
<script>${U}</script>
</body>
</html>
`}async function Ut(e){return pt(await ae(e),e.redactor)}function pt(e,t){let r=be(e.input);return e.notes.length&&(r.notes=[...r.notes??[],...e.notes]),{report:t?t.redactDeep(r):r,configFile:e.configFile,changedFiles:e.changedFiles,affected:e.affected,cacheDir:e.cacheDir}}var k=H(Me(),1),x=H(Oe(),1);var qe={base:"base revision",head:"head revision",config:"config (base or head promptgate.yml and the suites it resolves to)",options:"options (--all, --repeats)",suites:"suites (names, statuses or case counts)"};async function ft(e,t){let r=[];for(let n of t){let s=(0,x.resolve)(e,n),i=await(0,k.stat)(s).catch(()=>{});if(!i)throw b.one(n,"not found; give the directories (or files) the shards wrote");if(i.isFile()){r.push(s);continue}let o=await(0,k.readdir)(s,{recursive:!0});r.push(...o.filter(d=>oe.test((0,x.basename)(d))).map(d=>(0,x.join)(s,d)))}if(!r.length)throw b.one(t.join(" "),"no partial results (promptgate-shard-I-of-N.json) found; run `promptgate compare --shard I/N` for each shard first");return[...new Set(r)].sort()}async function ht(e,t){let r=(0,x.relative)(e,t)||t,n;try{n=JSON.parse(await(0,k.readFile)(t,"utf8"))}catch(i){throw b.one(r,`not a readable partial result (${i.message})`)}let s=n;if(s?.kind!==D||s.version!==1||!s.shard||!s.fingerprint||!s.comparison)throw b.one(r,`not a partial result of this promptgate (expected kind ${D} version ${1}); write it with \`promptgate compare --shard I/N\``);return{file:r,partial:s}}function mt(e){let t=e[0],r=t.partial.shard.count,n=e.find(a=>a.partial.shard.count!==r);if(n)throw b.one(n.file,`shard ${P(n.partial.shard)} does not belong with ${t.file} (shard ${P(t.partial.shard)}): the shard counts differ`);let s=new Map;for(let a of e){let c=s.get(a.partial.shard.index);if(c)throw b.one(a.file,`shard ${P(a.partial.shard)} is given twice (also ${c.file})`);s.set(a.partial.shard.index,a)}let i=Array.from({length:r},(a,c)=>c+1).filter(a=>!s.has(a));if(i.length)throw b.one(e.map(a=>a.file).join(", "),`missing shard${i.length>1?"s":""} ${i.map(a=>`${a}/${r}`).join(", ")} of ${r}; merge needs the partial result of every shard`);let o=[...s.entries()].sort((a,c)=>a[0]-c[0]).map(([,a])=>a),d=o[0];for(let a of o.slice(1)){let c=Object.keys(qe).find(p=>a.partial.fingerprint[p]!==d.partial.fingerprint[p]);if(c)throw b.one(a.file,`shard ${P(a.partial.shard)} was evaluated with a different ${qe[c]} than ${d.file}`+(c==="base"||c==="head"?` (${a.partial.fingerprint[c]} vs ${d.partial.fingerprint[c]})`:"")+"; rerun every shard of one comparison")}return o}async function tr(e,t,r={}){let n=await ft(e,t),s=r.untrusted?await se(e,n):[];if(s.length)throw b.one(s[0],"a partial result tracked in the repository is never merged (a pull request could have written it); download the shards' artifacts to a directory outside the checkout");let i=await Promise.all(n.map(o=>ht(e,o)));return mt(i).map(o=>o.partial)}function M(e,t){let r=e.filter(a=>a.run);if(!r.length)return;let{cases:n,total:s,...i}=r[0].run,o=new Array(s);for(let{run:a,calls:c}of r)for(let{at:p,samples:f,...h}of a.cases){if(!Number.isInteger(p)||p<0||p>=s||o[p])throw b.one(t,`case ${h.id} has a position (${p}) another shard has or that is out of range`);o[p]={...h,samples:f.map(({call:m,...g})=>m===void 0?g:{...g,call:c[m]})}}let d=o.findIndex(a=>!a);if(d>=0)throw b.one(t,`case ${d+1} of ${s} is in no shard's result`);return{...i,cases:o}}function gt(e){let{base:t,head:r,otherGrading:n,promptDiffAt:s,pairwise:i,...o}=e[0].suite,d=h=>e.map(m=>({run:h(m.suite),calls:m.calls})),a=`suite ${o.name}`,c={...o,base:M(d(h=>h.base),a),head:M(d(h=>h.head),a)};n&&(c.otherGrading={graders:n.graders,base:M(d(h=>h.otherGrading?.base),a),head:M(d(h=>h.otherGrading?.head),a)});let p=bt(e.map(h=>h.suite.pairwise),a);p&&(c.pairwise=p);let f=e.filter(h=>h.suite.promptDiffAt!==void 0);if(f.length){let h=f.reduce((m,g)=>g.suite.promptDiffAt<m.suite.promptDiffAt?g:m);c.promptDiff=h.suite.promptDiff}return c.base===void 0&&delete c.base,c.head===void 0&&delete c.head,c}function bt(e,t){let r=e.filter(a=>a!==void 0);if(!r.length)return;let n=r.flatMap(a=>{let c=a.cases.map(()=>[]);for(let p of a.charges??[])c[p.case]?.push(p);return a.cases.map(({at:p,...f},h)=>({at:p,k:f,charges:c[h]}))});n.sort((a,c)=>a.at-c.at);for(let a=1;a<n.length;a++)if(n[a].at===n[a-1].at)throw b.one(t,`pairwise case ${n[a].k.id} is in two shards' results`);let s=n.flatMap((a,c)=>a.charges.map(p=>({...p,case:c}))),{cases:i,charges:o,...d}=r[0];return{...d,cases:n.map(a=>a.k),...J(s),charges:s}}function $t(e){let t=n=>e.reduce((s,i)=>s+(n(i)??0),0),r={made:t(n=>n.made),cached:t(n=>n.cached),failed:t(n=>n.failed),shared:t(n=>n.shared)};for(let n of["judge","pairwise"])e.some(s=>s[n])&&(r[n]={made:t(s=>s[n]?.made),cached:t(s=>s[n]?.cached),failed:t(s=>s[n]?.failed)});return r}function rr(e){let t=e[0].comparison,r=e.map(o=>o.comparison.input),n=t.input.suites.map((o,d)=>gt(e.map(a=>({suite:a.comparison.input.suites[d],calls:a.calls})))),s=r.map(o=>o.stopped).find(o=>o)??t.input.stopped,i={...t.input,suites:n,calls:$t(r.map(o=>o.calls)),cancelled:r.some(o=>o.cancelled)?!0:t.input.cancelled,stopped:s};return{...t,input:i}}export{Bt as a,ut as b,Ut as c,pt as d,tr as e,rr as f};
