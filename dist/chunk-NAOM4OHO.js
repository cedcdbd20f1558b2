import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{b as a}from"./chunk-74ZIIMHT.js";import"./chunk-R4QVUZE6.js";export default a();
