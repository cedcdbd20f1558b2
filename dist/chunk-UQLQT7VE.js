import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
import{a as t}from"./chunk-5SILH6BQ.js";var o=t("node:module"),e=o.createRequire;var i=e(import.meta.url);function c(r){return i(r)}export{c as a};
