import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as a}from"./chunk-K3JYBFTR.js";import"./chunk-ALYHVSGN.js";export default a();
