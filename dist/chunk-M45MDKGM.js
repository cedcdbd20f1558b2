import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{f as n}from"./chunk-X4XQKLWU.js";n();import{setFlagsFromString as e}from"node:v8";function p(){e("--no-allocation-site-pretenuring"),e("--heap-growing-percent=50")}var t=5e4;function a(o){o<t&&e("--heap-growing-percent=0")}export{p as a,a as b};
