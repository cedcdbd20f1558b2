// The HTML report's only script: filters, sorting and detail toggles for the case table. It
// carries no data (everything is in the DOM, escaped), reads data-* attributes and compares
// strings; the page's Content-Security-Policy allows this exact text by its hash and nothing
// else. Kept as plain ES2020 so any current browser runs it without a build step.
export const REPORT_SCRIPT = `(() => {
  'use strict';
  const table = document.getElementById('cases');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.querySelectorAll('tr.case'));
  const detailOf = (row) => document.getElementById(row.querySelector('.toggle').getAttribute('aria-controls'));
  const label = document.getElementById('f-change');
  const suite = document.getElementById('f-suite');
  const search = document.getElementById('f-text');
  const counter = document.getElementById('f-count');
  const empty = document.getElementById('f-empty');
  const scope = () => (document.querySelector('input[name="scope"]:checked') || {}).value || 'changed';

  function visible(row) {
    const change = row.dataset.change;
    if (label.value) {
      if (change !== label.value) return false;
    } else if (scope() === 'changed' && change === 'unchanged') return false;
    if (suite.value && row.dataset.suite !== suite.value) return false;
    const q = search.value.trim().toLowerCase();
    if (q) {
      const d = detailOf(row);
      const haystack = (row.textContent + ' ' + (d ? d.textContent : '')).toLowerCase();
      if (!haystack.includes(q)) return false;
    }
    return true;
  }

  function apply() {
    let shown = 0;
    for (const row of rows) {
      const ok = visible(row);
      row.hidden = !ok;
      const d = detailOf(row);
      if (d) d.hidden = !ok || row.querySelector('.toggle').getAttribute('aria-expanded') !== 'true';
      if (ok) shown++;
    }
    counter.textContent = shown + ' of ' + rows.length + ' cases';
    empty.hidden = shown > 0;
  }

  function sortBy(th) {
    const key = th.dataset.sort;
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const other of table.tHead.querySelectorAll('th[data-sort]')) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const numeric = key !== 'suite' && key !== 'id';
    const value = (row) => row.getAttribute('data-key-' + key);
    const order = rows.map((row, i) => [row, i]);
    order.sort((a, b) => {
      const x = value(a[0]);
      const y = value(b[0]);
      const c = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
      return (ascending ? c : -c) || a[1] - b[1];
    });
    rows.length = 0;
    for (const [row] of order) {
      const d = detailOf(row);
      body.appendChild(row);
      if (d) body.appendChild(d);
      rows.push(row);
    }
  }

  body.addEventListener('click', (event) => {
    const button = event.target.closest('button.toggle');
    if (!button) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '▾' : '▸';
    const d = document.getElementById(button.getAttribute('aria-controls'));
    if (d) d.hidden = !open;
  });
  table.tHead.addEventListener('click', (event) => {
    const th = event.target.closest('th[data-sort]');
    if (th) sortBy(th);
  });
  for (const input of document.querySelectorAll('input[name="scope"]')) input.addEventListener('change', apply);
  label.addEventListener('change', apply);
  suite.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
})();
`;
