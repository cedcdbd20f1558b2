import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{g as a,h as b,i as c,j as d,k as e}from"./chunk-RUA2AJIP.js";import"./chunk-BHRI4ICT.js";import"./chunk-5SILH6BQ.js";export{c as DEFAULT_MAX_RESPONSE_BYTES,d as chatResult,e as createOpenAIProvider,a as endpointOf,b as isLoopback};
