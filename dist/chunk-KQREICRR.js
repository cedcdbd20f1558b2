import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as a}from"./chunk-UBPQDACA.js";import"./chunk-X4XQKLWU.js";export default a();
