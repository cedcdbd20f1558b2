import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as r}from"./chunk-ALYHVSGN.js";var n=r("node:crypto"),s=n,a=n.createHash;var o=s.hash,c=o?(t,e="hex")=>o("sha256",t,e):(t,e="hex")=>a("sha256").update(t,"utf8").digest(e);export{c as a};
