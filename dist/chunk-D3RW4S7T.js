import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as l}from"./chunk-6W4MIUR4.js";import{J as i,O as c}from"./chunk-5LUVZFSQ.js";import"./chunk-CWOOFKLC.js";import{f as r}from"./chunk-X4XQKLWU.js";r();import{createHash as g}from"node:crypto";var h=t=>`sha256 ${g("sha256").update(t).digest("hex").slice(0,12)}`;function f(t){let o=t.role==="tool"?`[tool ${t.tool_call_id}]`:`[${t.role}]`,n=(t.tool_calls??[]).map(s=>`[tool call ${s.id}] ${s.function.name}(${s.function.arguments})`),e=t.parts?t.parts.map(s=>c(s,h)).join(`
`):t.content;return[o,...e||!n.length?[e]:[],...n].join(`
`)+`
`}function u(t,o){let n=t.map(f).join(`
`),e=i(o);return e?`${n}
${e}`:n}function j(t,o,n,e={}){let s=u(o,e.base),a=u(n,e.head);return s===a?"":l(`base/${t}`,`head/${t}`,s,a,"","",{context:3}).split(`
`).slice(1).filter(p=>!/^={5,}$/.test(p)).join(`
`)}export{j as renderedPromptDiff};
