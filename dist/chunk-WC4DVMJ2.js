import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a}from"./chunk-DJ6FDJIK.js";import"./chunk-5SILH6BQ.js";export default a();
