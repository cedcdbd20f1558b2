import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a}from"./chunk-NQ7UJHTB.js";import"./chunk-R4QVUZE6.js";export default a();
