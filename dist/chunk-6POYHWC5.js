import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{setFlagsFromString as e}from"node:v8";function r(){e("--no-allocation-site-pretenuring"),e("--heap-growing-percent=50")}var o=5e4;function i(n){n<o&&e("--heap-growing-percent=0")}export{r as a,i as b};
