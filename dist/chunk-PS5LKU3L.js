import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{setFlagsFromString as e}from"node:v8";function o(){e("--no-allocation-site-pretenuring"),e("--heap-growing-percent=50")}export{o as a};
