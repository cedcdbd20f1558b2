import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{F as ye,b as _,c as j,e as F,f as T,g as ue,h as pe,i as fe,j as he,l as me,m as M,o as ge,p as be,t as $e}from"./chunk-VFPWIROV.js";import{a as oe,b as ie,c as G,e as ce}from"./chunk-DOWFHNCF.js";import{H as Q}from"./chunk-JQ4KFRHC.js";import{b as A}from"./chunk-GJPQJFKU.js";import{D as de,a as Z,b as ee,c as te,f as L,h as re,i as B,o as ne,p as ae,q as se,s as E,x as le}from"./chunk-GRCY3EM3.js";import{c as $}from"./chunk-MKQX3MD6.js";import{a as H,b as q,d as D,f as m}from"./chunk-X4XQKLWU.js";var ve=q((yt,xe)=>{m();xe.exports=H("node:crypto")});var Oe=q((rr,Ne)=>{m();Ne.exports=H("node:fs/promises")});var qe=q((ar,He)=>{m();He.exports=H("node:path")});m();var Me=D(ve(),1);m();m();function u(e){return le(de(e))}function C(e){return u(e).replace(/"/g,"&quot;").replace(/'/g,"&#39;").replace(/\n/g,"&#10;").replace(/\t/g,"&#9;")}function k(e){return e.map(t=>typeof t=="string"?u(t):"code"in t?`<code>${u(t.code)}</code>`:`<strong>${u(t.strong)}</strong>`).join("")}var We=8e3,Re=2e3,ze=5,W=["regressed","error","flaky","fixed","unchanged"],N=e=>e.runs>0?e.passes/e.runs:0,z=(e,t)=>{let r=_(e,t);return r.omitted===0?u(r.text):`${u(r.text)}<span class="omitted">${u(j(r.omitted))}</span>`};function Ue(e){return!e||e.length===0?'<p class="muted">no failed assertion</p>':`<ul class="failed">${e.map(r=>`<li><code>${u(r.type)}</code> (${u(r.grade)}): ${z(r.reason||"(no reason given)",Re)}</li>`).join("")}</ul>`}function Ve(e){let t=e.result,{changes:r,baseOmitted:n,headOmitted:a}=$e(t.base.output,t.head.output,{maxChars:We}),i=r.map(p=>p.added?"":p.removed?`<del>${u(p.value)}</del>`:u(p.value)).join(""),o=r.map(p=>p.removed?"":p.added?`<ins>${u(p.value)}</ins>`:u(p.value)).join(""),d=p=>p>0?`<span class="omitted">${u(j(p))}</span>`:"",s=t.base.output===t.head.output?'<p class="muted">Output identical on both sides.</p>':"",c=(p,f,h)=>{let g=t[p],b=g.errors?` · ${E(g.errors)} errored`:"";return`<div class="side ${p}"><h4>${p==="base"?"Base":"Head"} · passed ${M(g)}${b}</h4><pre class="out">${f}${d(h)}</pre><h5>Failed assertions and judge reasons</h5>${Ue(g.failed)}</div>`};return`${s}<div class="sides">${c("base",i,n)}${c("head",o,a)}</div>`}function Ye(e,t){let r=e.result,n=[];r.source&&n.push(`<code>${u(`${r.source.file}:${r.source.line}`)}</code>`),e.suite.repeats>=ze&&r.pValue!=null&&n.push(u(ne(r.pValue))),r.significant&&n.push("significant (Benjamini–Hochberg q &lt; 0.1)");let a=he(r),i=a.length?`<dl class="inputs">${a.map(([o,d])=>`<dt><code>${u(o)}</code></dt><dd><pre>${z(d,Re)}</pre></dd>`).join("")}</dl>`:"";return`<tr class="detail" id="${t}" hidden><td colspan="7">${n.length?`<p>${n.join(" · ")}</p>`:""}${i}${Ve(e)}</td></tr>`}function Xe(e){let t=e.result.head.failed??[],r=t.find(n=>n.grade==="hard")??t[0];return r?`<code>${u(r.type)}</code>: ${z(r.reason,160)}`:""}function we(e,t){let r=e.result,n=`case-${t}`,a={suite:e.suite.name,id:r.id,change:String(W.indexOf(r.change)),base:String(N(r.base)),head:String(N(r.head)),shift:String(N(r.head)-N(r.base))},i=Object.entries(a).map(([d,s])=>`data-key-${d}="${C(s)}"`).join(" "),o=[`<td><button type="button" class="toggle" aria-expanded="false" aria-controls="${n}" aria-label="show details">▸</button></td>`,`<td><code>${u(e.suite.name)}</code></td>`,`<td><code>${u(r.id)}</code></td>`,`<td><span class="change ${r.change}">${r.change}</span></td>`,`<td class="num">${M(r.base)}</td>`,`<td class="num">${M(r.head)}</td>`,`<td>${Xe(e)}</td>`];return`<tr class="case" data-suite="${C(e.suite.name)}" data-change="${r.change}" ${i}>${o.join("")}</tr>
${Ye(e,n)}`}var Je=[["",""],["suite","Suite"],["id","Case"],["change","Change"],["base","Base passed"],["head","Head passed"],["","Head failed (first assertion)"]];function Ke(e,t){let r=W.map(a=>{let i=t.filter(o=>o.result.change===a).length;return`<option value="${a}">${a} (${E(i)})</option>`}),n=e.suites.filter(a=>a.caseResults.length>0).map(a=>`<option value="${C(a.name)}">${u(a.name)}</option>`);return['<div class="filters" role="group" aria-label="Filter the cases">','<span class="scope"><label><input type="radio" name="scope" value="changed" checked> changed only</label>','<label><input type="radio" name="scope" value="all"> all cases</label></span>',`<label>Label <select id="f-change"><option value="">any</option>${r.join("")}</select></label>`,`<label>Suite <select id="f-suite"><option value="">any</option>${n.join("")}</select></label>`,'<label>Search <input type="search" id="f-text" placeholder="id, input or output"></label>',`<output id="f-count" aria-live="polite">${E(t.length)} cases</output>`,"</div>"].join(`
`)}function*Ce(e){let t=W.flatMap(n=>me(e,n));if(t.length===0){yield'<p class="muted">No paired cases in this report.</p>';return}let r=Je.map(([n,a])=>n?`<th scope="col" data-sort="${n}" aria-sort="none"><button type="button">${a}</button></th>`:`<th scope="col">${a}</th>`).join("");yield`${Ke(e,t)}
<p class="hint">A label filter overrides “changed only”. Click a header to sort, a row’s ▸ for its outputs.</p>
<div class="scroll"><table id="cases"><thead><tr>${r}</tr></thead>
<tbody>
`;for(let[n,a]of t.entries())yield n?`
${we(a,n)}`:we(a,n);yield`
</tbody></table></div>
<p id="f-empty" class="muted" hidden>No case matches the filters.</p>`}m();var U=760,P=150,V=40,I=(U-P-V-20)/2,R=26,v=34,Pe=26,Se=40,l=e=>String(Math.round(e*10)/10),Qe=e=>e.length>22?`${e.slice(0,21)}…`:e;function Ae(e){return e==="fail"?"var(--fail)":e==="warn"?"var(--warn)":"var(--pass)"}function je(e,t,r){return[`<svg class="chart" viewBox="0 0 ${U} ${l(e)}" width="${U}" height="${l(e)}" role="img" aria-label="${u(t)}">`,...r,"</svg>"].join(`
`)}function Ie(e){return e.map((t,r)=>`<text class="label" x="${P-8}" y="${l(v+r*R+R/2+4)}" text-anchor="end">${u(Qe(t.name))}<title>${u(t.name)}</title></text>`)}var y=(e,t)=>e.x0+(t-e.lo)/(e.hi-e.lo)*I;function ke(e,t,r,n){let a=[`<line class="axis" x1="${l(e.x0)}" y1="${l(n)}" x2="${l(e.x0+I)}" y2="${l(n)}"/>`];for(let i of t){let o=y(e,i);a.push(`<line class="grid" x1="${l(o)}" y1="${v-4}" x2="${l(o)}" y2="${l(n)}"/>`),a.push(`<text class="tick" x="${l(o)}" y="${l(n+16)}" text-anchor="middle">${u(r(i))}</text>`)}return a}function Ze(e,t){let n=(t-e)/5,a=10**Math.floor(Math.log10(n)),i=[1,2,5,10].map(d=>d*a).find(d=>d>=n)??10*a,o=[];for(let d=Math.ceil(e/i)*i;d<=t+1e-9;d+=i)o.push(Math.round(d/i)*i);return o}function Le(e){let t=P;return e.flatMap(([r,n,a])=>{let i=a==="hollow"?`<circle cx="${l(t+5)}" cy="14" r="5" fill="var(--bg)" stroke="${n}" stroke-width="2"/>`:a==="square"?`<rect x="${l(t)}" y="9" width="10" height="10" fill="${n}"/>`:`<circle cx="${l(t+5)}" cy="14" r="5" fill="${n}"/>`,o=`<text class="legend" x="${l(t+14)}" y="18">${u(r)}</text>`;return t+=24+r.length*6.6,[i,o]})}function Ee(e,t){let r=e.filter(f=>f.base?.passRate!=null||f.head?.passRate!=null).slice(0,Se);if(r.length===0)return"";let n=v+r.length*R,a={x0:P,lo:0,hi:1},o=r.flatMap(f=>[f.delta?.passRate,f.delta?.ciLow,f.delta?.ciHigh]).filter(f=>f!=null&&Number.isFinite(f)),d=Math.max(t.min_effect*1.5,...o.map(f=>Math.abs(f)),.05),s={x0:P+I+V,lo:-d*1.05,hi:d*1.05},c=[...Le([["base","var(--base)","hollow"],["head (colour: verdict)","var(--pass)","dot"],[T(t).delta,"var(--ink)","square"]]),...ke(a,[0,.25,.5,.75,1],f=>`${Math.round(f*100)}%`,n),...ke(s,Ze(s.lo,s.hi),f=>`${ee(f)} pp`,n),`<line class="zero" x1="${l(y(s,0))}" y1="${v-4}" x2="${l(y(s,0))}" y2="${l(n)}"/>`,`<line class="threshold" x1="${l(y(s,-t.min_effect))}" y1="${v-4}" x2="${l(y(s,-t.min_effect))}" y2="${l(n)}"/>`,...Ie(r)],p=F(t);return r.forEach((f,h)=>c.push(...et(f,v+h*R+R/2,a,s,p))),je(n+Pe,`Pass rate base → head per suite, and Δ with its ${L(p)}`,c)}function et(e,t,r,n,a){let i=[],o=e.base?.passRate,d=e.head?.passRate,s=Ae(e.verdict);o!=null&&d!=null&&i.push(`<line class="link" x1="${l(y(r,o))}" y1="${l(t)}" x2="${l(y(r,d))}" y2="${l(t)}"/>`),o!=null&&i.push(`<circle cx="${l(y(r,o))}" cy="${l(t)}" r="6" fill="var(--bg)" stroke="var(--base)" stroke-width="2"><title>${u(`${e.name}: base ${B(o)}`)}</title></circle>`),d!=null&&i.push(`<circle cx="${l(y(r,d))}" cy="${l(t)}" r="6" fill="${s}"><title>${u(`${e.name}: head ${B(d)}`)}</title></circle>`);let c=e.delta;if(c?.passRate==null)return i;if(c.ciLow!=null&&c.ciHigh!=null){let[f,h]=[y(n,c.ciLow),y(n,c.ciHigh)];i.push(`<line class="ci" x1="${l(f)}" y1="${l(t)}" x2="${l(h)}" y2="${l(t)}" stroke="${s}"/>`);for(let g of[f,h])i.push(`<line class="ci" x1="${l(g)}" y1="${l(t-5)}" x2="${l(g)}" y2="${l(t+5)}" stroke="${s}"/>`)}let p=re(c.ciLow,c.ciHigh,a);return i.push(`<rect x="${l(y(n,c.passRate)-5)}" y="${l(t-5)}" width="10" height="10" fill="${s}"><title>${u(`${e.name}: Δ ${te(c.passRate)}${p}`)}</title></rect>`),i}var tt={label:"Cost",value:e=>e.costUsd,fmt:e=>ae(e)},rt={label:"p95 latency",value:e=>e.latencyP95Ms,fmt:e=>se(e)};function _e(e){let t=e.filter(a=>a.base||a.head).slice(0,Se);if(t.length===0)return"";let r=v+t.length*R,n=[...Le([["base","var(--base)","square"],["head (colour: verdict)","var(--pass)","square"]]),...Ie(t)];return[tt,rt].forEach((a,i)=>n.push(...nt(t,a,P+i*(I+V),r))),je(r+Pe,"Cost and p95 latency, base vs head, per suite",n)}function nt(e,t,r,n){let a=e.flatMap(s=>[s.base,s.head].map(c=>c?t.value(c):null)),i=Math.max(0,...a.filter(s=>s!=null&&Number.isFinite(s))),o=s=>i>0?s/i*(I-70):0,d=[`<line class="axis" x1="${l(r)}" y1="${v-4}" x2="${l(r)}" y2="${l(n)}"/>`,`<text class="tick" x="${l(r)}" y="${l(n+16)}">${u(t.label)}</text>`];return e.forEach((s,c)=>{let p=v+c*R+4;["base","head"].forEach((f,h)=>{let g=s[f],b=g?t.value(g):null,J=p+h*9;if(b==null||!Number.isFinite(b))return;let Ge=f==="base"?"var(--base)":Ae(s.verdict),K=Math.max(1,o(b));d.push(`<rect x="${l(r)}" y="${l(J)}" width="${l(K)}" height="8" fill="${Ge}"><title>${u(`${s.name}: ${f} ${t.fmt(b)}`)}</title></rect>`,`<text class="value" x="${l(r+K+4)}" y="${l(J+8)}">${u(t.fmt(b))}</text>`)})}),d}m();var Y=`(() => {
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
`;m();var X=`:root {
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
`;var at=2e5,Fe=e=>(0,Me.createHash)("sha256").update(e,"utf8").digest("base64");function st(){return["default-src 'none'",`style-src 'sha256-${Fe(X)}'`,`script-src 'sha256-${Fe(Y)}'`,"img-src 'none'","base-uri 'none'","form-action 'none'"].join("; ")}function ot(e,t){let r=T(t),n=Object.keys(r),a=n.map(o=>`<th scope="col"${o==="name"||o==="verdict"?"":' class="num"'}>${u(r[o])}</th>`),i=e.map(o=>{let d=be(o);return`<tr>${n.map(c=>c==="name"?`<td><code>${u(d.name)}</code></td>`:`<td${c==="verdict"?"":' class="num"'}>${u(d[c])}</td>`).join("")}</tr>`});return`<div class="scroll"><table class="suites"><thead><tr>${a.join("")}</tr></thead><tbody>${i.join("")}</tbody></table></div>`}function Te(e,t){return t.length?`<h3>${u(e)}</h3><ul>${t.map(r=>`<li>${r}</li>`).join("")}</ul>`:""}function it(e){let t=ue(e,1/0);return Te("Why",t.lines.map(k))+Te("Notes",pe(e).map(k))}function ct(e){let t=e.startsWith("@@")?"hunk":e.startsWith("+")?"add":e.startsWith("-")?"del":"";return t?`<span class="${t}">${u(e)}</span>`:`${u(e)}
`}function lt(e){let t=e.filter(r=>r.promptDiff);return t.length===0?'<p class="muted">The rendered prompt is the same on both sides.</p>':t.map(r=>{let n=_(r.promptDiff,at),a=r.promptFile?` (<code>${u(r.promptFile)}</code>)`:"",i=n.omitted?`<span class="omitted">${u(j(n.omitted))}</span>`:"";return`<details open><summary><code>${u(r.name)}</code>${a}</summary><pre class="diff">${n.text.split(`
`).map(ct).join("")}${i}</pre></details>`}).join(`
`)}function dt(e){let t=Ee(e.suites,e.gate),r=_e(e.suites);return!t&&!r?"":[t?`<h2>Pass rate</h2>
<p class="hint">Circles: base (hollow) and head pass rate. Squares: Δ head − base with its ${L(F(e.gate))}; dashed line at −min_effect (${u(`−${Z(e.gate.min_effect)} pp`)}).</p>
${t}`:"",r?`<h2>Cost and latency</h2>
${r}`:""].join(`
`)}function Yt(e){return[...ut(e)].join("")}function*ut(e){let{icon:t,line:r,worst:n}=ge(e),a=`promptgate: ${e.verdict} · ${e.base.ref} → ${e.head.ref}`;yield`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${C(st())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${u(a)}</title>
<style>${X}</style>
</head>
<body>
<main>
<header class="verdict ${e.verdict}">
<h1>${u(t)} ${k(r)}</h1>
${n?`<p>${k(n)}</p>`:""}
</header>
<h2>Suites</h2>
${e.suites.length?ot(e.suites,e.gate):'<p class="muted">No suite was affected by this change.</p>'}
${it(e)}
${dt(e)}
<h2>Cases</h2>
`,yield*Ce(e),yield`
<h2>Prompt diff</h2>
${lt(e.suites)}
<footer>${k(fe(e))} · report.json version ${e.version}</footer>
</main>
<script>${Y}</script>
</body>
</html>
`}m();async function Zt(e){return pt(await ie(e),e.redactor)}function pt(e,t){let r=ye(e.input);return e.notes.length&&(r.notes=[...r.notes??[],...e.notes]),{report:t?t.redactDeep(r):r,configFile:e.configFile,changedFiles:e.changedFiles,affected:e.affected,cacheDir:e.cacheDir}}m();var S=D(Oe(),1),w=D(qe(),1);var Be={base:"base revision",head:"head revision",config:"config (base or head promptgate.yml and the suites it resolves to)",options:"options (--all, --repeats)",suites:"suites (names, statuses or case counts)"};async function ft(e,t){let r=[];for(let n of t){let a=(0,w.resolve)(e,n),i=await(0,S.stat)(a).catch(()=>{});if(!i)throw $.one(n,"not found; give the directories (or files) the shards wrote");if(i.isFile()){r.push(a);continue}let o=await(0,S.readdir)(a,{recursive:!0});r.push(...o.filter(d=>ce.test((0,w.basename)(d))).map(d=>(0,w.join)(a,d)))}if(!r.length)throw $.one(t.join(" "),"no partial results (promptgate-shard-I-of-N.json) found; run `promptgate compare --shard I/N` for each shard first");return[...new Set(r)].sort()}async function ht(e,t){let r=(0,w.relative)(e,t)||t,n;try{n=JSON.parse(await(0,S.readFile)(t,"utf8"))}catch(i){throw $.one(r,`not a readable partial result (${i.message})`)}let a=n;if(a?.kind!==G||a.version!==1||!a.shard||!a.fingerprint||!a.comparison)throw $.one(r,`not a partial result of this promptgate (expected kind ${G} version ${1}); write it with \`promptgate compare --shard I/N\``);return{file:r,partial:a}}function mt(e){let t=e[0],r=t.partial.shard.count,n=e.find(s=>s.partial.shard.count!==r);if(n)throw $.one(n.file,`shard ${A(n.partial.shard)} does not belong with ${t.file} (shard ${A(t.partial.shard)}): the shard counts differ`);let a=new Map;for(let s of e){let c=a.get(s.partial.shard.index);if(c)throw $.one(s.file,`shard ${A(s.partial.shard)} is given twice (also ${c.file})`);a.set(s.partial.shard.index,s)}let i=Array.from({length:r},(s,c)=>c+1).filter(s=>!a.has(s));if(i.length)throw $.one(e.map(s=>s.file).join(", "),`missing shard${i.length>1?"s":""} ${i.map(s=>`${s}/${r}`).join(", ")} of ${r}; merge needs the partial result of every shard`);let o=[...a.entries()].sort((s,c)=>s[0]-c[0]).map(([,s])=>s),d=o[0];for(let s of o.slice(1)){let c=Object.keys(Be).find(p=>s.partial.fingerprint[p]!==d.partial.fingerprint[p]);if(c)throw $.one(s.file,`shard ${A(s.partial.shard)} was evaluated with a different ${Be[c]} than ${d.file}`+(c==="base"||c==="head"?` (${s.partial.fingerprint[c]} vs ${d.partial.fingerprint[c]})`:"")+"; rerun every shard of one comparison")}return o}async function ur(e,t,r={}){let n=await ft(e,t),a=r.untrusted?await oe(e,n):[];if(a.length)throw $.one(a[0],"a partial result tracked in the repository is never merged (a pull request could have written it); download the shards' artifacts to a directory outside the checkout");let i=await Promise.all(n.map(o=>ht(e,o)));return mt(i).map(o=>o.partial)}function O(e,t){let r=e.filter(s=>s.run);if(!r.length)return;let{cases:n,total:a,...i}=r[0].run,o=new Array(a);for(let{run:s,calls:c}of r)for(let{at:p,samples:f,...h}of s.cases){if(!Number.isInteger(p)||p<0||p>=a||o[p])throw $.one(t,`case ${h.id} has a position (${p}) another shard has or that is out of range`);o[p]={...h,samples:f.map(({call:g,...b})=>g===void 0?b:{...b,call:c[g]})}}let d=o.findIndex(s=>!s);if(d>=0)throw $.one(t,`case ${d+1} of ${a} is in no shard's result`);return{...i,cases:o}}function gt(e){let{base:t,head:r,otherGrading:n,promptDiffAt:a,pairwise:i,...o}=e[0].suite,d=h=>e.map(g=>({run:h(g.suite),calls:g.calls})),s=`suite ${o.name}`,c={...o,base:O(d(h=>h.base),s),head:O(d(h=>h.head),s)};n&&(c.otherGrading={graders:n.graders,base:O(d(h=>h.otherGrading?.base),s),head:O(d(h=>h.otherGrading?.head),s)});let p=bt(e.map(h=>h.suite.pairwise),s);p&&(c.pairwise=p);let f=e.filter(h=>h.suite.promptDiffAt!==void 0);if(f.length){let h=f.reduce((g,b)=>b.suite.promptDiffAt<g.suite.promptDiffAt?b:g);c.promptDiff=h.suite.promptDiff}return c.base===void 0&&delete c.base,c.head===void 0&&delete c.head,c}function bt(e,t){let r=e.filter(s=>s!==void 0);if(!r.length)return;let n=r.flatMap(s=>{let c=s.cases.map(()=>[]);for(let p of s.charges??[])c[p.case]?.push(p);return s.cases.map(({at:p,...f},h)=>({at:p,k:f,charges:c[h]}))});n.sort((s,c)=>s.at-c.at);for(let s=1;s<n.length;s++)if(n[s].at===n[s-1].at)throw $.one(t,`pairwise case ${n[s].k.id} is in two shards' results`);let a=n.flatMap((s,c)=>s.charges.map(p=>({...p,case:c}))),{cases:i,charges:o,...d}=r[0];return{...d,cases:n.map(s=>s.k),...Q(a),charges:a}}function $t(e){let t=n=>e.reduce((a,i)=>a+(n(i)??0),0),r={made:t(n=>n.made),cached:t(n=>n.cached),failed:t(n=>n.failed),shared:t(n=>n.shared)};for(let n of["judge","pairwise"])e.some(a=>a[n])&&(r[n]={made:t(a=>a[n]?.made),cached:t(a=>a[n]?.cached),failed:t(a=>a[n]?.failed)});return r}function pr(e){let t=e[0].comparison,r=e.map(o=>o.comparison.input),n=t.input.suites.map((o,d)=>gt(e.map(s=>({suite:s.comparison.input.suites[d],calls:s.calls})))),a=r.map(o=>o.stopped).find(o=>o)??t.input.stopped,i={...t.input,suites:n,calls:$t(r.map(o=>o.calls)),cancelled:r.some(o=>o.cancelled)?!0:t.input.cancelled,stopped:a};return{...t,input:i}}export{Yt as a,ut as b,Zt as c,pt as d,ur as e,pr as f};
