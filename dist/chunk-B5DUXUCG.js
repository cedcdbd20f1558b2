import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as c}from"./chunk-TSIKB33P.js";import{J as a,O as i}from"./chunk-IPP5ALW5.js";import"./chunk-ICSC7F66.js";import{a as f,b as d,d as m}from"./chunk-5SILH6BQ.js";var u=d((b,l)=>{l.exports=f("node:crypto")});var g=m(u(),1);var $=t=>`sha256 ${(0,g.createHash)("sha256").update(t).digest("hex").slice(0,12)}`;function x(t){let n=t.role==="tool"?`[tool ${t.tool_call_id}]`:`[${t.role}]`,o=(t.tool_calls??[]).map(s=>`[tool call ${s.id}] ${s.function.name}(${s.function.arguments})`),e=t.parts?t.parts.map(s=>i(s,$)).join(`
`):t.content;return[n,...e||!o.length?[e]:[],...o].join(`
`)+`
`}function p(t,n){let o=t.map(x).join(`
`),e=a(n);return e?`${o}
${e}`:o}function F(t,n,o,e={}){let s=p(n,e.base),r=p(o,e.head);return s===r?"":c(`base/${t}`,`head/${t}`,s,r,"","",{context:3}).split(`
`).slice(1).filter(h=>!/^={5,}$/.test(h)).join(`
`)}export{F as renderedPromptDiff};
