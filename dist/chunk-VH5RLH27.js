import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as a}from"./chunk-ABSUWALD.js";import"./chunk-5SILH6BQ.js";export default a();
