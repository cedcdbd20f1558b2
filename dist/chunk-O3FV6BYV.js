import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a}from"./chunk-HGVB4UUH.js";import"./chunk-X4XQKLWU.js";export default a();
