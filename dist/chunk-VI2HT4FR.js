import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as l}from"./chunk-6W4MIUR4.js";import{J as i,O as c}from"./chunk-5LUVZFSQ.js";import"./chunk-CWOOFKLC.js";import{a as d,b as m,d as $,f as r}from"./chunk-X4XQKLWU.js";var p=m((q,u)=>{r();u.exports=d("node:crypto")});r();var h=$(p(),1);var b=t=>`sha256 ${(0,h.createHash)("sha256").update(t).digest("hex").slice(0,12)}`;function j(t){let n=t.role==="tool"?`[tool ${t.tool_call_id}]`:`[${t.role}]`,o=(t.tool_calls??[]).map(s=>`[tool call ${s.id}] ${s.function.name}(${s.function.arguments})`),e=t.parts?t.parts.map(s=>c(s,b)).join(`
`):t.content;return[n,...e||!o.length?[e]:[],...o].join(`
`)+`
`}function g(t,n){let o=t.map(j).join(`
`),e=i(n);return e?`${o}
${e}`:o}function R(t,n,o,e={}){let s=g(n,e.base),a=g(o,e.head);return s===a?"":l(`base/${t}`,`head/${t}`,s,a,"","",{context:3}).split(`
`).slice(1).filter(f=>!/^={5,}$/.test(f)).join(`
`)}export{R as renderedPromptDiff};
