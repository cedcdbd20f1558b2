import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as a}from"./chunk-CMU3R23D.js";import"./chunk-ALYHVSGN.js";export default a();
