import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{u as t}from"./chunk-FUY5BTZA.js";var p="### promptgate: skipped (fork pull request)\n\nThis pull request comes from a fork. On `pull_request` a fork gets no secrets, so promptgate cannot call the model, and it posts nothing. To evaluate fork PRs, run promptgate on `pull_request_target` (it reads the head only as data and never executes it), or ask a maintainer to comment `/promptgate run`.\n";function i(e){let n="promptgate: no prompt changes",a=e.suites.length?`none of the ${t(e.suites.length,"suite")} (${e.suites.map(r=>`\`${r.replace(/`/g,"'")}\``).join(", ")}) depends on them`:"no suite is configured",s=`### \u23ED\uFE0F ${n}

This pull request changes ${t(e.changedFiles,"file")}; ${a}, so nothing was evaluated and no model was called.

<sub>base ${e.baseSha.slice(0,7)} \u2192 head ${e.headSha.slice(0,7)}</sub>
`;return{title:n,summary:s,comment:`${e.marker}
${s}`}}function m(e){return`promptgate could not read that command: ${e}.

For example: \`/promptgate run\` or \`/promptgate run --repeats 5\`.
`}export{p as a,i as b,m as c};
