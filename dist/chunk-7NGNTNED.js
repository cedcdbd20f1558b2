import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a}from"./chunk-MNG2XE5Z.js";import"./chunk-5SILH6BQ.js";export default a();
