import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as n}from"./chunk-5SILH6BQ.js";var o=n("node:v8"),e=o.setFlagsFromString;function g(){e("--no-allocation-site-pretenuring"),e("--heap-growing-percent=50")}var r=5e4;function s(t){t<r&&e("--heap-growing-percent=0")}export{g as a,s as b};
