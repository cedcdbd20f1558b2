// The HTML report's stylesheet: system fonts, light and dark schemes, no external resources.
export const REPORT_STYLE = `:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --ink: #1f2328;
  --pass: #1a7f37; --warn: #9a6700; --fail: #cf222e; --base: #8c959f;
  --del-bg: #ffebe9; --del-fg: #82071e; --ins-bg: #dafbe1; --ins-fg: #116329;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --soft: #151b23; --ink: #e6edf3;
    --pass: #3fb950; --warn: #d29922; --fail: #f85149; --base: #9198a1;
    --del-bg: #490202; --del-fg: #ffdcd7; --ins-bg: #04260f; --ins-fg: #aff5b4;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4, h5 { margin: 6px 0; } h5 { color: var(--muted); font-weight: 600; }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; }
code { background: var(--soft); padding: 0 4px; border-radius: 4px; overflow-wrap: anywhere; }
pre { background: var(--soft); padding: 8px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; }
.verdict { border-left: 6px solid var(--pass); padding: 4px 12px; }
.verdict.warn { border-color: var(--warn); } .verdict.fail { border-color: var(--fail); }
.muted, .hint, footer { color: var(--muted); } .hint { font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); white-space: nowrap; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
#cases td:nth-child(2) code, #cases td:nth-child(3) code { overflow-wrap: normal; white-space: nowrap; } .suites td { white-space: nowrap; } .suites code { overflow-wrap: normal; }
.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
.chart text { fill: var(--fg); font-size: 12px; } .chart .tick, .chart .value { fill: var(--muted); font-size: 11px; }
.chart .axis { stroke: var(--muted); } .chart .grid { stroke: var(--line); stroke-dasharray: 2 3; }
.chart .zero { stroke: var(--muted); } .chart .threshold { stroke: var(--fail); stroke-dasharray: 5 4; }
.chart .link { stroke: var(--base); stroke-width: 2; } .chart .ci { stroke-width: 2; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px; background: var(--soft); border-radius: 6px; }
.filters label { white-space: nowrap; } .filters select { max-width: 18em; } .filters output { margin-left: auto; color: var(--muted); }
.change { font-weight: 600; } .change.regressed, .change.error { color: var(--fail); }
.change.fixed { color: var(--pass); } .change.flaky { color: var(--warn); } .change.unchanged { color: var(--muted); }
button.toggle { border: 1px solid var(--line); background: var(--bg); color: var(--fg); border-radius: 4px; cursor: pointer; width: 26px; }
tr.detail > td { background: var(--bg); padding: 8px 8px 16px 40px; }
.sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
@media (max-width: 760px) { .sides { grid-template-columns: 1fr; } main { padding: 8px; } }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: none; }
.omitted { display: block; color: var(--muted); font-style: italic; }
dl.inputs { display: grid; grid-template-columns: fit-content(30%) minmax(0, 1fr); gap: 2px 12px; margin: 4px 0; }
dl.inputs dd { margin: 0; min-width: 0; } dl.inputs dt { min-width: 0; }
ul.failed { margin: 4px 0; padding-left: 20px; }
pre.diff .add { color: var(--ins-fg); background: var(--ins-bg); display: block; }
pre.diff .del { color: var(--del-fg); background: var(--del-bg); display: block; }
pre.diff .hunk { color: var(--muted); display: block; }
footer { margin-top: 32px; font-size: 12px; }
`;
