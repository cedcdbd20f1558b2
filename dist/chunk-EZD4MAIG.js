import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as a}from"./chunk-E2ACVCZN.js";import"./chunk-5SILH6BQ.js";export default a();
