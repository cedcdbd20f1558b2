import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as ue,b as we}from"./chunk-4GNBPP3J.js";import{a as ye,b as W,c as O,d as B,e as ke,f as x,g as Re,h as Ce,i as Se,j as M,k as je,l as Ae,m as Ee,n as Pe,o as Te,p as Fe,r as q,s as U,t as J}from"./chunk-2PMPVYRE.js";import{b as ae,c as ce,i as le,j as $e,k as be}from"./chunk-XGROSZG2.js";import{a as T,b as H}from"./chunk-BUX5ENGT.js";import"./chunk-FIJYPZLW.js";import{c as ie}from"./chunk-KIZG62LI.js";import{a as de,b as pe,c as me,d as fe,f as C,l as ge,m as _,n as F,p as v,q as he,s as ve,y as xe,z as Oe}from"./chunk-ILI3XWUP.js";import{a as N,b as oe,c as w}from"./chunk-GGTPKJU3.js";import"./chunk-5SILH6BQ.js";import{mkdir as Ut,writeFile as Jt}from"node:fs/promises";import{dirname as Gt,join as I,resolve as ne}from"node:path";import{createHash as wt}from"node:crypto";function d(e){return ve(xe(e))}function S(e){return d(e).replace(/"/g,"&quot;").replace(/'/g,"&#39;").replace(/\n/g,"&#10;").replace(/\t/g,"&#9;")}function j(e){return e.map(t=>typeof t=="string"?d(t):"code"in t?`<code>${d(t.code)}</code>`:`<strong>${d(t.strong)}</strong>`).join("")}var ot=8e3,Me=2e3,it=5,G=["regressed","error","flaky","fixed","unchanged"],D=e=>e.runs>0?e.passes/e.runs:0,z=(e,t)=>{let r=W(e,t);return r.omitted===0?d(r.text):`${d(r.text)}<span class="omitted">${d(O(r.omitted))}</span>`};function at(e){return!e||e.length===0?'<p class="muted">no failed assertion</p>':`<ul class="failed">${e.map(r=>`<li><code>${d(r.type)}</code> (${d(r.grade)}): ${z(r.reason||"(no reason given)",Me)}</li>`).join("")}</ul>`}function ct(e){let t=e.result,{changes:r,baseOmitted:n,headOmitted:s}=Te(t.base.output,t.head.output,{maxChars:ot}),o=r.map(u=>u.added?"":u.removed?`<del>${d(u.value)}</del>`:d(u.value)).join(""),i=r.map(u=>u.removed?"":u.added?`<ins>${d(u.value)}</ins>`:d(u.value)).join(""),a=u=>u>0?`<span class="omitted">${d(O(u))}</span>`:"",c=t.base.output===t.head.output?'<p class="muted">Output identical on both sides.</p>':"",p=(u,g,m)=>{let f=t[u],h=f.errors?` · ${v(f.errors)} errored`:"";return`<div class="side ${u}"><h4>${u==="base"?"Base":"Head"} · passed ${x(f)}${h}</h4><pre class="out">${g}${a(m)}</pre><h5>Failed assertions and judge reasons</h5>${at(f.failed)}</div>`};return`${c}<div class="sides">${p("base",o,n)}${p("head",i,s)}</div>`}function lt(e,t){let r=e.result,n=[];r.source&&n.push(`<code>${d(`${r.source.file}:${r.source.line}`)}</code>`),e.suite.repeats>=it&&r.pValue!=null&&n.push(d(ge(r.pValue))),r.significant&&n.push("significant (Benjamini–Hochberg q &lt; 0.1)");let s=Pe(r),o=s.length?`<dl class="inputs">${s.map(([i,a])=>`<dt><code>${d(i)}</code></dt><dd><pre>${z(a,Me)}</pre></dd>`).join("")}</dl>`:"";return`<tr class="detail" id="${t}" hidden><td colspan="7">${n.length?`<p>${n.join(" · ")}</p>`:""}${o}${ct(e)}</td></tr>`}function ut(e){let t=e.result.head.failed??[],r=t.find(n=>n.grade==="hard")??t[0];return r?`<code>${d(r.type)}</code>: ${z(r.reason,160)}`:""}function dt(e,t){let r=e.result,n=`case-${t}`,s={suite:e.suite.name,id:r.id,change:String(G.indexOf(r.change)),base:String(D(r.base)),head:String(D(r.head)),shift:String(D(r.head)-D(r.base))},o=Object.entries(s).map(([a,c])=>`data-key-${a}="${S(c)}"`).join(" "),i=[`<td><button type="button" class="toggle" aria-expanded="false" aria-controls="${n}" aria-label="show details">▸</button></td>`,`<td><code>${d(e.suite.name)}</code></td>`,`<td><code>${d(r.id)}</code></td>`,`<td><span class="change ${r.change}">${r.change}</span></td>`,`<td class="num">${x(r.base)}</td>`,`<td class="num">${x(r.head)}</td>`,`<td>${ut(e)}</td>`];return`<tr class="case" data-suite="${S(e.suite.name)}" data-change="${r.change}" ${o}>${i.join("")}</tr>
${lt(e,n)}`}var pt=[["",""],["suite","Suite"],["id","Case"],["change","Change"],["base","Base passed"],["head","Head passed"],["","Head failed (first assertion)"]];function mt(e,t){let r=G.map(s=>{let o=t.filter(i=>i.result.change===s).length;return`<option value="${s}">${s} (${v(o)})</option>`}),n=e.suites.filter(s=>s.caseResults.length>0).map(s=>`<option value="${S(s.name)}">${d(s.name)}</option>`);return['<div class="filters" role="group" aria-label="Filter the cases">','<span class="scope"><label><input type="radio" name="scope" value="changed" checked> changed only</label>','<label><input type="radio" name="scope" value="all"> all cases</label></span>',`<label>Label <select id="f-change"><option value="">any</option>${r.join("")}</select></label>`,`<label>Suite <select id="f-suite"><option value="">any</option>${n.join("")}</select></label>`,'<label>Search <input type="search" id="f-text" placeholder="id, input or output"></label>',`<output id="f-count" aria-live="polite">${v(t.length)} cases</output>`,"</div>"].join(`
`)}function Le(e){let t=G.flatMap(s=>ke(e,s));if(t.length===0)return'<p class="muted">No paired cases in this report.</p>';let r=pt.map(([s,o])=>s?`<th scope="col" data-sort="${s}" aria-sort="none"><button type="button">${o}</button></th>`:`<th scope="col">${o}</th>`).join(""),n=t.map((s,o)=>dt(s,o)).join(`
`);return`${mt(e,t)}
<p class="hint">A label filter overrides “changed only”. Click a header to sort, a row’s ▸ for its outputs.</p>
<table id="cases"><thead><tr>${r}</tr></thead>
<tbody>
${n}
</tbody></table>
<p id="f-empty" class="muted" hidden>No case matches the filters.</p>`}var V=760,A=150,X=40,L=(V-A-X-20)/2,k=26,b=34,Ne=26,_e=40,l=e=>String(Math.round(e*10)/10),ft=e=>e.length>22?`${e.slice(0,21)}…`:e;function We(e){return e==="fail"?"var(--fail)":e==="warn"?"var(--warn)":"var(--pass)"}function De(e,t,r){return[`<svg class="chart" viewBox="0 0 ${V} ${l(e)}" width="${V}" height="${l(e)}" role="img" aria-label="${d(t)}">`,...r,"</svg>"].join(`
`)}function He(e){return e.map((t,r)=>`<text class="label" x="${A-8}" y="${l(b+r*k+k/2+4)}" text-anchor="end">${d(ft(t.name))}<title>${d(t.name)}</title></text>`)}var $=(e,t)=>e.x0+(t-e.lo)/(e.hi-e.lo)*L;function Ie(e,t,r,n){let s=[`<line class="axis" x1="${l(e.x0)}" y1="${l(n)}" x2="${l(e.x0+L)}" y2="${l(n)}"/>`];for(let o of t){let i=$(e,o);s.push(`<line class="grid" x1="${l(i)}" y1="${b-4}" x2="${l(i)}" y2="${l(n)}"/>`),s.push(`<text class="tick" x="${l(i)}" y="${l(n+16)}" text-anchor="middle">${d(r(o))}</text>`)}return s}function gt(e,t){let n=(t-e)/5,s=10**Math.floor(Math.log10(n)),o=[1,2,5,10].map(a=>a*s).find(a=>a>=n)??10*s,i=[];for(let a=Math.ceil(e/o)*o;a<=t+1e-9;a+=o)i.push(Math.round(a/o)*o);return i}function Be(e){let t=A;return e.flatMap(([r,n,s])=>{let o=s==="hollow"?`<circle cx="${l(t+5)}" cy="14" r="5" fill="var(--bg)" stroke="${n}" stroke-width="2"/>`:s==="square"?`<rect x="${l(t)}" y="9" width="10" height="10" fill="${n}"/>`:`<circle cx="${l(t+5)}" cy="14" r="5" fill="${n}"/>`,i=`<text class="legend" x="${l(t+14)}" y="18">${d(r)}</text>`;return t+=24+r.length*6.6,[o,i]})}function qe(e,t){let r=e.filter(u=>u.base?.passRate!=null||u.head?.passRate!=null).slice(0,_e);if(r.length===0)return"";let n=b+r.length*k,s={x0:A,lo:0,hi:1},i=r.flatMap(u=>[u.delta?.passRate,u.delta?.ciLow,u.delta?.ciHigh]).filter(u=>u!=null&&Number.isFinite(u)),a=Math.max(t.min_effect*1.5,...i.map(u=>Math.abs(u)),.05),c={x0:A+L+X,lo:-a*1.05,hi:a*1.05},p=[...Be([["base","var(--base)","hollow"],["head (colour: verdict)","var(--pass)","dot"],[M.delta,"var(--ink)","square"]]),...Ie(s,[0,.25,.5,.75,1],u=>`${Math.round(u*100)}%`,n),...Ie(c,gt(c.lo,c.hi),u=>`${pe(u)} pp`,n),`<line class="zero" x1="${l($(c,0))}" y1="${b-4}" x2="${l($(c,0))}" y2="${l(n)}"/>`,`<line class="threshold" x1="${l($(c,-t.min_effect))}" y1="${b-4}" x2="${l($(c,-t.min_effect))}" y2="${l(n)}"/>`,...He(r)];return r.forEach((u,g)=>p.push(...ht(u,b+g*k+k/2,s,c))),De(n+Ne,"Pass rate base → head per suite, and Δ with its 95% CI",p)}function ht(e,t,r,n){let s=[],o=e.base?.passRate,i=e.head?.passRate,a=We(e.verdict);o!=null&&i!=null&&s.push(`<line class="link" x1="${l($(r,o))}" y1="${l(t)}" x2="${l($(r,i))}" y2="${l(t)}"/>`),o!=null&&s.push(`<circle cx="${l($(r,o))}" cy="${l(t)}" r="6" fill="var(--bg)" stroke="var(--base)" stroke-width="2"><title>${d(`${e.name}: base ${C(o)}`)}</title></circle>`),i!=null&&s.push(`<circle cx="${l($(r,i))}" cy="${l(t)}" r="6" fill="${a}"><title>${d(`${e.name}: head ${C(i)}`)}</title></circle>`);let c=e.delta;if(c?.passRate==null)return s;if(c.ciLow!=null&&c.ciHigh!=null){let[u,g]=[$(n,c.ciLow),$(n,c.ciHigh)];s.push(`<line class="ci" x1="${l(u)}" y1="${l(t)}" x2="${l(g)}" y2="${l(t)}" stroke="${a}"/>`);for(let m of[u,g])s.push(`<line class="ci" x1="${l(m)}" y1="${l(t-5)}" x2="${l(m)}" y2="${l(t+5)}" stroke="${a}"/>`)}let p=c.ciLow!=null&&c.ciHigh!=null?` (95% CI ${fe(c.ciLow,c.ciHigh)})`:"";return s.push(`<rect x="${l($(n,c.passRate)-5)}" y="${l(t-5)}" width="10" height="10" fill="${a}"><title>${d(`${e.name}: Δ ${me(c.passRate)}${p}`)}</title></rect>`),s}var $t={label:"Cost",value:e=>e.costUsd,fmt:e=>_(e)},bt={label:"p95 latency",value:e=>e.latencyP95Ms,fmt:e=>F(e)};function Ue(e){let t=e.filter(s=>s.base||s.head).slice(0,_e);if(t.length===0)return"";let r=b+t.length*k,n=[...Be([["base","var(--base)","square"],["head (colour: verdict)","var(--pass)","square"]]),...He(t)];return[$t,bt].forEach((s,o)=>n.push(...yt(t,s,A+o*(L+X),r))),De(r+Ne,"Cost and p95 latency, base vs head, per suite",n)}function yt(e,t,r,n){let s=e.flatMap(c=>[c.base,c.head].map(p=>p?t.value(p):null)),o=Math.max(0,...s.filter(c=>c!=null&&Number.isFinite(c))),i=c=>o>0?c/o*(L-70):0,a=[`<line class="axis" x1="${l(r)}" y1="${b-4}" x2="${l(r)}" y2="${l(n)}"/>`,`<text class="tick" x="${l(r)}" y="${l(n+16)}">${d(t.label)}</text>`];return e.forEach((c,p)=>{let u=b+p*k+4;["base","head"].forEach((g,m)=>{let f=c[g],h=f?t.value(f):null,P=u+m*9;if(h==null||!Number.isFinite(h))return;let st=g==="base"?"var(--base)":We(c.verdict),se=Math.max(1,i(h));a.push(`<rect x="${l(r)}" y="${l(P)}" width="${l(se)}" height="8" fill="${st}"><title>${d(`${c.name}: ${g} ${t.fmt(h)}`)}</title></rect>`,`<text class="value" x="${l(r+se+4)}" y="${l(P+8)}">${d(t.fmt(h))}</text>`)})}),a}var Y=`(() => {
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
`;var K=`:root {
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
.suites td:not(:first-child) { white-space: nowrap; }
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
`;var vt=2e5,Je=e=>wt("sha256").update(e,"utf8").digest("base64");function xt(){return["default-src 'none'",`style-src 'sha256-${Je(K)}'`,`script-src 'sha256-${Je(Y)}'`,"img-src 'none'","base-uri 'none'","form-action 'none'"].join("; ")}function kt(e){let t=Object.keys(M),r=t.map(s=>`<th scope="col"${s==="name"||s==="verdict"?"":' class="num"'}>${d(M[s])}</th>`),n=e.map(s=>{let o=Se(s);return`<tr>${t.map(a=>a==="name"?`<td><code>${d(o.name)}</code></td>`:`<td${a==="verdict"?"":' class="num"'}>${d(o[a])}</td>`).join("")}</tr>`});return`<table class="suites"><thead><tr>${r.join("")}</tr></thead><tbody>${n.join("")}</tbody></table>`}function Ge(e,t){return t.length?`<h3>${d(e)}</h3><ul>${t.map(r=>`<li>${r}</li>`).join("")}</ul>`:""}function Rt(e){let t=je(e,1/0);return Ge("Why",t.lines.map(j))+Ge("Notes",Ae(e).map(j))}function Ct(e){let t=e.startsWith("@@")?"hunk":e.startsWith("+")?"add":e.startsWith("-")?"del":"";return t?`<span class="${t}">${d(e)}</span>`:`${d(e)}
`}function St(e){let t=e.filter(r=>r.promptDiff);return t.length===0?'<p class="muted">The rendered prompt is the same on both sides.</p>':t.map(r=>{let n=W(r.promptDiff,vt),s=r.promptFile?` (<code>${d(r.promptFile)}</code>)`:"",o=n.omitted?`<span class="omitted">${d(O(n.omitted))}</span>`:"";return`<details open><summary><code>${d(r.name)}</code>${s}</summary><pre class="diff">${n.text.split(`
`).map(Ct).join("")}${o}</pre></details>`}).join(`
`)}function jt(e){let t=qe(e.suites,e.gate),r=Ue(e.suites);return!t&&!r?"":[t?`<h2>Pass rate</h2>
<p class="hint">Circles: base (hollow) and head pass rate. Squares: Δ head − base with its 95% CI; dashed line at −min_effect (${d(`−${de(e.gate.min_effect)} pp`)}).</p>
${t}`:"",r?`<h2>Cost and latency</h2>
${r}`:""].join(`
`)}function Q(e){let{icon:t,line:r,worst:n}=Ce(e),s=`promptgate: ${e.verdict} · ${e.base.ref} → ${e.head.ref}`;return`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${S(xt())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d(s)}</title>
<style>${K}</style>
</head>
<body>
<main>
<header class="verdict ${e.verdict}">
<h1>${d(t)} ${j(r)}</h1>
${n?`<p>${j(n)}</p>`:""}
</header>
<h2>Suites</h2>
${e.suites.length?kt(e.suites):'<p class="muted">No suite was affected by this change.</p>'}
${Rt(e)}
${jt(e)}
<h2>Cases</h2>
${Le(e)}
<h2>Prompt diff</h2>
${St(e.suites)}
<footer>${j(Ee(e))} · report.json version ${e.version}</footer>
</main>
<script>${Y}</script>
</body>
</html>
`}var Z=4e3,ze=1e3,At=/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;function Et(e){return e.replace(At,t=>`\\u${t.charCodeAt(0).toString(16).padStart(4,"0")}`)}function ee(e){return Et(e).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function y(e){return ee(e).replace(/"/g,"&quot;").replace(/'/g,"&apos;").replace(/\t/g,"&#9;").replace(/\n/g,"&#10;").replace(/\r/g,"&#13;")}function Pt(e){let t=e.replace(/\s*\n\s*/g," ");return t.length>ze?`${t.slice(0,ze)}…`:t}function Tt(e){let t=[`name="${y(e.name)}"`,`classname="${y(e.classname)}"`];e.file&&t.push(`file="${y(e.file)}"`),e.line&&t.push(`line="${e.line}"`);let r=`    <testcase ${t.join(" ")}`,n=e.outcome;if(n.kind==="pass")return n.out?`${r}>
      <system-out>${ee(n.out)}</system-out>
    </testcase>`:`${r}/>`;if(n.kind==="skipped")return`${r}>
      <skipped message="${y(n.message)}"/>
    </testcase>`;let s=y(Pt(n.message));return`${r}>
      <${n.kind} type="${y(n.type)}" message="${s}">${ee(n.body)}</${n.kind}>
    </testcase>`}function Ft(e,t,r){let n=a=>t.filter(c=>c.outcome.kind===a).length,s=`name="${y(e)}" tests="${t.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}"`,o=r.length?`    <properties>
${r.map(([a,c])=>`      <property name="${y(a)}" value="${y(c)}"/>`).join(`
`)}
    </properties>
`:"",i=t.map(Tt).join(`
`);return`  <testsuite ${s}>
${o}${i}${i?`
`:""}  </testsuite>`}function Ve(e){let t=e.flatMap(o=>o.cases),r=o=>t.filter(i=>i.outcome.kind===o).length,n=`<testsuites name="promptgate" tests="${t.length}" failures="${r("failure")}" errors="${r("error")}" skipped="${r("skipped")}">`,s=e.map(o=>Ft(o.name,o.cases,o.properties)).join(`
`);return`<?xml version="1.0" encoding="UTF-8"?>
${n}
${s}${s?`
`:""}</testsuites>
`}function Ot(e){return(e??[]).map(t=>typeof t=="string"?t:"code"in t?t.code:t.strong).join("")}function Mt(e,t){let r=t.source?{file:t.source.file,line:t.source.line}:{},n=`passed ${x(t.base)} → ${x(t.head)}`,s={name:t.id,classname:e.name,...r};if(t.change==="regressed"){let o=Ot(Re(t)),i=t.base.output===t.head.output?`output (identical on both sides):
${B(t.head.output,Z)}`:`output diff, base → head ([-only in base-] {+only in head+}):
${Fe(t.base.output,t.head.output,{maxChars:Z})}`;return{...s,outcome:{kind:"failure",type:"regressed",message:`regressed: ${n}${o?` — ${o}`:""}`,body:i}}}if(t.change==="error"){let o=`errors: base ${t.base.errors??0}, head ${t.head.errors??0}`,i=t.head.runs===0?t.head.output:t.base.output;return{...s,outcome:{kind:"error",type:"error",message:`no successful sample on a side (${o})`,body:i}}}return{...s,outcome:{kind:"pass",out:`${t.change}: ${n}`}}}function Lt(e){let t={name:"gate",classname:e.name},r=e.reasons.join(`
`);return e.status==="error"?{...t,outcome:{kind:"error",type:"error",message:e.error??"the suite could not run",body:e.error??""}}:e.status==="skipped"||e.status==="removed"?{...t,outcome:{kind:"skipped",message:r||`suite ${e.status}`}}:e.verdict==="fail"?{...t,outcome:{kind:"failure",type:"gate",message:r||"the gate failed",body:r}}:{...t,outcome:{kind:"pass",out:`${e.verdict}${r?`: ${r}`:""}`}}}function Xe(e){return Ve(e.suites.map(t=>({name:t.name,cases:[Lt(t),...t.caseResults.map(r=>Mt(t,r))],properties:[["status",t.status],["verdict",t.verdict],["repeats",String(t.repeats)],["base",`${e.base.ref} ${e.base.sha}`],["head",`${e.head.ref} ${e.head.sha}`]]})))}function It(e,t){let r={name:t.id,classname:e.name,file:t.source.file,line:t.source.line},n=t.samples.filter(c=>c.call&&c.error===void 0);if(n.length===0){let c=t.samples.find(p=>p.error!==void 0)?.error??"no sample ran";return{...r,outcome:{kind:"error",type:"error",message:c,body:c}}}let s=n.filter(c=>!c.hardPass);if(s.length===0)return{...r,outcome:{kind:"pass"}};let o=s[0],i=o.outcomes.find(c=>!c.pass&&c.grade==="hard")??o.outcomes.find(c=>!c.pass),a=i?`${i.type} (${i.grade}): ${i.reason??""}`:"a hard assertion failed";return{...r,outcome:{kind:"failure",type:"assertion",message:`failed ${s.length} of ${he(n.length,"sample")} — ${a}`,body:`output of sample ${o.index+1}:
${B(o.call?.output??"",Z)}`}}}function Ye(e){return Ve(e.suites.map(t=>({name:t.name,cases:t.run.cases.map(r=>It(t,r)),properties:[["model",t.model],["repeats",String(t.repeats)]]})))}async function Ke(e,t,r,n){let{suites:s,warnings:o}=await be(e,t,r,n),i=[...o],a=[],c=0;for(let m of s){for(let f of m.cases){c++;try{$e(m.prompt,f)}catch(h){if(h instanceof w)i.push(...h.problems);else throw h}for(let h of f.assert){let P=ae(h);P&&i.push({file:f.source.file,line:f.source.line,message:`case ${f.id}: ${h.type}: ${P}`})}}for(let f of m.unsupported)a.push({file:m.prompt.file,message:`suite ${m.name}: ${f}`})}let p=i.filter(m=>!o.includes(m));if(p.length&&!n.keepGoing)throw new w(p);let u=[...i,...a];for(let m of u)n.onWarning?.(m);let g=u.length?`, ${u.length} warning(s)`:"";return`ok — ${s.length} suite(s), ${c} case(s)${g}`}import{readFile as Nt}from"node:fs/promises";import{resolve as _t}from"node:path";var te="give the path of a report.json written by `promptgate compare`",R=e=>typeof e=="object"&&e!==null&&!Array.isArray(e);function Wt(e){if(!R(e))return"not a JSON object";if(e.kind==="run"||Array.isArray(e.suites)&&e.suites.some(n=>R(n)&&"run"in n))return"this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report";if(e.version!==1)return`not a promptgate report.json (version ${JSON.stringify(e.version??null)}, expected 1)`;let t=["verdict","base","head","suites","calls","gate"].filter(n=>e[n]===void 0);if(t.length)return`not a promptgate report.json (no ${t.map(n=>`\`${n}\``).join(", ")})`;if(!Array.isArray(e.suites)||!R(e.calls)||!R(e.gate)||!R(e.base)||!R(e.head))return"not a promptgate report.json (fields of the wrong type)";let r=e.suites.findIndex(n=>!R(n)||typeof n.name!="string"||typeof n.status!="string"||!Array.isArray(n.caseResults)||!Array.isArray(n.reasons));if(r>=0)return`not a promptgate report.json (suites[${r}] is incomplete)`}async function Qe(e,t){let r;try{r=await Nt(_t(e,t),"utf8")}catch(o){let i=o.code;throw w.one(t,`${i==="ENOENT"?"file not found":`cannot read the file (${i??o.message})`}; ${te}`)}let n;try{n=JSON.parse(r)}catch(o){throw w.one(t,`not JSON (${o.message}); ${te}`)}let s=Wt(n);if(s)throw w.one(t,`${s}; ${te}`);return n}function Ze(e){let t=["suite","cases","samples","hard pass","soft pass","tokens in/out","cost","p50","p95","errors"],r=e.map(o=>{let i=le(o.cases,o.cases),a=o.cases.reduce((c,p)=>c+p.samples.length,0);return[o.name,String(o.cases.length),String(a),C(i.passRate),C(i.softPassRate),`${v(i.tokens.input)}/${v(i.tokens.output)}`,_(i.costUsd,i.costEstimated),F(i.latencyP50Ms),F(i.latencyP95Ms),String(i.errors)]}),n=t.map((o,i)=>Math.max(o.length,...r.map(a=>a[i].length))),s=o=>o.map((i,a)=>a===0?i.padEnd(n[a]):i.padStart(n[a])).join("  ");return`${[s(t),s(n.map(o=>"-".repeat(o))),...r.map(s)].join(`
`)}
`}var Dt=/^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/,re="  │ ";function et(e,t,r){if(!r.enabled)return e;let n=e.split(`
`),s=n.length-(n.at(-1)===""?2:1),o="none",i=-1;return n.map((a,c)=>c===0?r.bold(H(r,t)(a)):a===""?(o="none",a):c===s?r.dim(a):o==="table"?Ht(a,i,r):o==="prompt-diff"?Bt(a,r):a.startsWith("Suite ")&&a.includes("  Verdict")?(o="table",i=a.indexOf("Verdict"),r.bold(a)):Dt.test(a)?(a.startsWith("Prompt diff: ")&&(o="prompt-diff"),r.bold(a)):a.startsWith(re)?re+qt(a.slice(re.length),r):a).join(`
`)}function Ht(e,t,r){let n=[...e];if(t<0||n.length<=t)return e;let s=n.slice(t).join(""),o=/^\S+(?: \(\w+\))?/.exec(s)?.[0];return o?n.slice(0,t).join("")+H(r,o.replace(/^added \(|\)$/g,""))(o)+s.slice(o.length):e}function Bt(e,t){let r=e.slice(2);return r.startsWith("@@")?t.dim(e):r.startsWith("---")||r.startsWith("+++")?t.bold(e):r.startsWith("-")?t.red(e):r.startsWith("+")?t.green(e):e}function qt(e,t){return e.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g,(r,n)=>n!==void 0?t.red(r):t.green(r))}async function tt(e){return 0}function zt(e){return e.cancelled||e.stopped?3:e.verdict==="fail"?1:0}async function E(e,t){await Ut(Gt(e),{recursive:!0}),await Jt(e,t)}function Vt(e){let t=0,r=0,n="";for(let s of e)for(let o of s.cases)for(let i of o.samples)r++,i.error!==void 0&&(t++,n||(n=`${o.source.file}${o.source.line?`:${o.source.line}`:""}: suite ${s.name}, case ${o.id}, sample ${i.index+1}: ${i.error}`));return t?N(`${t} of ${r} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${n}`):""}async function cn(e,t){switch(e.command){case"validate":return Xt(e,t);case"run":return Yt(e,t);case"compare":return Kt(e,t);case"render":return Zt(e,t);case"init":return tt(t)}}function rt(e,t){let r=Oe(t.stderr);return{options:{cwd:t.cwd,configPath:e.config,repeatsOverride:e.repeats,cacheDir:e.cacheDir,cacheMode:e.cacheMode,concurrency:e.concurrency,keepGoing:e.keepGoing,env:t.env,log:t.log,signal:t.signal,onProgress:r.update},progress:r}}async function Xt(e,t){let r=new ie(t.cwd),{config:n,file:s}=await ce(r,e.config),o=await Ke(r,n,s,{keepGoing:e.keepGoing,onWarning:i=>t.log.warn(oe(i))});return t.stdout.write(`${s??"(no config: *.prompt.yml files only)"}: ${o}
`),0}async function Yt(e,t){let{options:r,progress:n}=rt(e,t),s=await we({...r,suites:e.suites});n.finish();let o=s.sides[0],i=ue({configFile:s.configFile,runs:o,calls:s.calls,stopped:s.stopped,pricing:s.pricing}),a=`${JSON.stringify(i,null,2)}
`;if(e.format==="json")t.stdout.write(a);else{let p=T(t.stdout,t.env),[u="",...g]=Ze(o).split(`
`);t.stdout.write([p.bold(u),...g].join(`
`)),t.stdout.write(p.dim(`calls: ${s.calls.made} made, ${s.calls.cached} from cache, ${s.calls.failed} failed`)+`
`)}if(e.out&&(await E(ne(t.cwd,e.out),a),t.log.info(`wrote ${e.out}`)),e.junit&&await nt(e.junit,Ye(i),t),s.stopped)return t.stderr.write(`${T(t.stderr,t.env).red("error:")} run stopped early: ${N(s.stopped)}
`),3;for(let p of s.suites)for(let u of p.unsupported)t.log.warn(`${p.prompt.file}: suite ${p.name}: ${u}`);let c=Vt(o);return c&&t.log.warn(c),0}async function Kt(e,t){let{options:r,progress:n}=rt(e,t),{report:s}=await ye({...r,base:e.base,head:e.head,all:e.all,revisions:t.revisions});n.finish();let o=ne(t.cwd,e.outDir),i=`${JSON.stringify(s,null,2)}
`;await E(I(o,"report.json"),i),await E(I(o,"report.md"),q(s)),await E(I(o,"summary.md"),U(s)),await E(I(o,"report.html"),Q(s)),e.format==="json"?t.stdout.write(i):t.stdout.write(et(J(s),s.verdict,T(t.stdout,t.env))),t.log.info(`wrote ${I(e.outDir,"report.md")}, summary.md, report.json and report.html`),e.junit&&await nt(e.junit,Xe(s),t);let a=zt(s),c=T(t.stderr,t.env);return s.stopped?t.stderr.write(`${a===3?c.red("error:"):c.yellow("warning:")} run stopped early: ${N(s.stopped)}; the report covers what ran
`):s.calls.failed&&t.log.warn(`${s.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`),a}async function nt(e,t,r){await E(ne(r.cwd,e),t),r.log.info(`wrote ${e}`)}var Qt={summary:U,plain:J,md:q,html:Q};async function Zt(e,t){let r=await Qe(t.cwd,e.file),n=Qt[e.format](r);return t.stdout.write(n.endsWith(`
`)?n:`${n}
`),0}export{zt as exitCodeFor,Vt as failedSamples,cn as runCommand};
