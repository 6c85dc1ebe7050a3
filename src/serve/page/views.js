// The views of the workbench: each draws one answer of the server into its
// panel. No rule is decided here: the numbers are the server's, as it wrote them.
'use strict';

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function table(headers, rows, numeric) {
  const head = el('tr', {}, ...headers.map((h, i) => el('th', numeric[i] ? { class: 'number' } : {}, h)));
  const body = rows.map((row) => el('tr', {}, ...row.map((cell, i) => el('td', numeric[i] ? { class: 'number' } : {}, cell))));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...body));
}

const euros = (amount) => (amount === null || amount === undefined ? '—' : `${amount} €`);
const signed = (amount) => (amount && !String(amount).startsWith('-') && Number(amount) !== 0 ? `+${amount} €` : euros(amount));
const jobName = (names, id) => (id && names && names.jobs[id]) || id || '—';
const bandName = (names, id) => (id && names && names.bands[id]) || id || '—';

// A link to an employee's explanation.
function employeeLink(id) {
  return el('a', { href: '#', class: 'employee', onclick: (e) => { e.preventDefault(); explainEmployee(id); } }, id);
}

// ---- diagnostics and examples -------------------------------------------

function item(className, text, line, help) {
  const li = el('li', { class: className });
  if (line) li.append(el('a', { href: '#', onclick: (e) => { e.preventDefault(); editor.goTo(line); } }, t('line', line)), ' ');
  li.append(text);
  if (help) li.append(el('div', { class: 'help' }, help));
  return li;
}

function showDiagnostics(answer) {
  const here = (p) => !p.file || p.file === workbench.rules;
  const marked = [];
  const shown = [['error', $('diagnostics'), answer.errors || []], ['warning', $('warnings'), answer.warnings || []]];
  for (const [kind, list, problems] of shown) {
    list.textContent = '';
    for (const p of problems.map(said)) {
      if (here(p) && p.line) marked.push({ ...p, severity: kind });
      const where = here(p) ? '' : `${p.file}:${p.line}: `;
      list.append(item(kind, `${where}${t(kind)} [${p.code}] ${p.message}`, here(p) ? p.line : null, p.help));
    }
  }
  if (!(answer.errors || []).length) $('diagnostics').append(item('', t('noError'), null, null));
  $('warnings-summary').textContent = t('warnings', (answer.warnings || []).length);
  editor.setDiagnostics(marked);
}

function showExamples(answer) {
  const list = $('examples');
  list.textContent = '';
  if (!answer.ok) { $('examples-summary').textContent = t('examplesNotRun'); return; }
  $('examples-summary').textContent = t('examplesSummary', answer.passed, answer.failed);
  for (const e of answer.examples) {
    const failures = e.failures.map((f) => `${f.what} : ${t('expected')} ${f.expected}, ${t('got')} ${f.got}`).join(' ; ');
    list.append(item(e.passed ? 'passed' : 'failed', `${e.passed ? '✓' : '✗'} ${e.title}${failures ? ' — ' + failures : ''}`,
      e.file === workbench.rules ? e.line : null, e.passed ? null : e.steps));
  }
}

// ---- the workforce: a sortable, filterable table ------------------------

const COLUMNS = ['id', 'job', 'band', 'coefficient', 'level', 'category', 'status', 'minimum_salary'];
const NUMERIC = ['coefficient', 'level', 'minimum_salary'];
const table_state = { sort: 'id', descending: false, filter: '' };
const SHOWN_ROWS = 500;

function cellText(d, column, names) {
  if (column === 'job') return jobName(names, d.job);
  if (column === 'band') return bandName(names, d.band);
  if (column === 'category') return (names && names.categories[d.category]) || d.category || '—';
  if (column === 'minimum_salary') return euros(d.minimum_salary);
  return d[column] === null || d[column] === undefined ? '—' : String(d[column]);
}

function showDecisions() {
  const answer = workbench.last.eval;
  if (!answer) return;
  const head = $('decisions-head');
  head.textContent = '';
  for (const column of COLUMNS) {
    const sorted = table_state.sort === column;
    const button = el('button', { type: 'button', class: 'sort', 'aria-label': t('sortBy', t(`col.${column}`)),
      onclick: () => { table_state.descending = sorted && !table_state.descending; table_state.sort = column; showDecisions(); } },
    t(`col.${column}`), sorted ? (table_state.descending ? ' ▼' : ' ▲') : '');
    head.append(el('th', { 'aria-sort': sorted ? (table_state.descending ? 'descending' : 'ascending') : 'none' }, button));
  }
  const body = $('decisions-body');
  body.textContent = '';
  $('rejected').textContent = '';
  if (!answer.ok) { $('workforce-summary').textContent = t('notDecided') + answer.errors.map(said).map((e) => e.message).join(' ; '); return; }
  const names = answer.names;
  const filter = table_state.filter.trim().toLowerCase();
  const rows = answer.decisions
    .map((d) => ({ d, cells: COLUMNS.map((c) => cellText(d, c, names)) }))
    .filter((r) => !filter || r.cells.some((c) => c.toLowerCase().includes(filter)));
  const at = COLUMNS.indexOf(table_state.sort);
  const key = (r) => (NUMERIC.includes(table_state.sort) ? Number(r.d[table_state.sort] ?? -1) : r.cells[at]);
  rows.sort((a, b) => { const x = key(a), y = key(b); const c = x < y ? -1 : x > y ? 1 : 0; return table_state.descending ? -c : c; });
  // The first rows of the sort and filter: a large workforce is read through the filter.
  for (const { d, cells } of rows.slice(0, SHOWN_ROWS)) {
    const open = () => explainEmployee(d.id);
    const row = el('tr', { tabindex: '0', class: 'clickable', 'data-id': d.id, onclick: open,
      onkeydown: (e) => { if (e.key === 'Enter') open(); } });
    cells.forEach((text, i) => row.append(el('td', NUMERIC.includes(COLUMNS[i]) ? { class: 'number' } : {}, text)));
    body.append(row);
  }
  const ids = $('employee-ids');
  ids.textContent = '';
  for (const d of answer.decisions.slice(0, SHOWN_ROWS)) ids.append(el('option', { value: d.id }));
  for (const r of answer.rejected) $('rejected').append(item('error', `${r.id || '?'} ${t('rejected')} : ${r.reason || JSON.stringify(r)}`));
  $('workforce-summary').textContent = `${t('decisions', answer.decisions.length, answer.rejected.length)} · ${t('shown', Math.min(rows.length, SHOWN_ROWS))}`;
}

// ---- an employee's explanation -----------------------------------------

async function explainEmployee(id, whyNot) {
  selectTab('workforce');
  workbench.explained = id;
  $('replay-id').value = id;
  $('why-not-id').textContent = id;
  const extra = { as_of: $('as-of').value, id, lang: i18n.lang };
  if (whyNot) extra.why_not = whyNot;
  const answer = await api('/api/call', rulesRequest('explain', extra));
  workbench.last.explain = answer;
  $('explanation-text').textContent = answer.ok ? answer.text : answer.errors.map(said).map((e) => `${e.message}${e.help ? ' — ' + e.help : ''}`).join('\n');
  $('explanation').hidden = false;
  $('explanation').scrollIntoView({ block: 'nearest' });
}

// ---- the what-if --------------------------------------------------------

function scenarioSpecs() {
  return [...document.querySelectorAll('#scenario-list .scenario')]
    .map((row) => [row.querySelector('.name').value.trim(), row.querySelector('.settings').value.trim()])
    .filter(([name, settings]) => name && settings)
    .map(([name, settings]) => `${name}:${settings.replace(/\s*,\s*/g, ',')}`);
}

function addScenario(name, settings) {
  const row = el('div', { class: 'scenario' },
    el('input', { class: 'name', 'aria-label': t('scenarioName'), 'data-i18n-label': 'scenarioName', size: '12' }),
    el('input', { class: 'settings', 'aria-label': t('scenarioSettings'), 'data-i18n-label': 'scenarioSettings', size: '28' }),
    el('button', { type: 'button', 'aria-label': '×', onclick: () => row.remove() }, '×'));
  row.querySelector('.name').value = name || '';
  row.querySelector('.settings').value = settings || '';
  $('scenario-list').append(row);
  return row;
}

function whatifRequest() {
  const extra = { as_of: $('as-of').value, scenarios: scenarioSpecs() };
  const rate = $('charges-rate').value.trim();
  if (rate) extra.set_cost = [`taux_charges=${rate}`];
  return rulesRequest('diff', extra);
}

async function runWhatif() {
  const started = performance.now();
  const answer = await api('/api/call', whatifRequest());
  workbench.last.diff = answer;
  workbench.last.diffMs = Math.round(performance.now() - started);
  showWhatif();
  return answer;
}

function card(value, label) {
  return el('div', { class: 'card' }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label));
}

function showWhatif() {
  const answer = workbench.last.diff;
  const out = $('whatif-result');
  if (!answer) return;
  out.textContent = '';
  if (!answer.ok) {
    out.append(el('p', { class: 'failed' }, t('whatifNotRun') + answer.errors.map(said).map((e) => `${e.message}${e.help ? ' — ' + e.help : ''}`).join(' ; ')));
    return;
  }
  const s = answer.summary;
  const names = answer.names;
  $('whatif-base').textContent = t('whatifBase', answer.redline.base.file);
  $('whatif-time').textContent = t('whatifTime', workbench.last.diffMs);
  const compared = t('onCompared', s.minimum_salary_mass.employees);
  out.append(el('p', { class: 'population', id: 'whatif-population' }, `${t('population')} : ${s.population.text}.`));
  out.append(el('div', { class: 'cards', id: 'whatif-cards' },
    card(String(s.changes.up), `${t('card.up')}, ${compared}`),
    card(String(s.losers.length), `${t('card.losers')}, ${compared}`),
    card(signed(s.minimum_salary_mass.difference.monthly), `${t('card.month')}, ${compared}`),
    card(signed(s.minimum_salary_mass.difference.annual), `${t('card.year')}, ${compared}`),
    card(euros(s.payroll_raise.monthly), `${t('card.raise')} : ${s.payroll_raise.employees} / ${s.salaries.known}`)));
  out.append(costsTable(s.costs));
  out.append(el('h3', {}, t('losers')));
  out.append(s.losers.length ? table([t('col.id'), t('losses'), t('cause')],
    s.losers.map((l) => [employeeLink(l.id), l.losses.join(', '), causeIn(l)]), [false, false, false]) : el('p', {}, t('noLoser')));
  out.append(scenariosTable(s));
  out.append(el('h3', {}, t('chart')));
  const chart = el('div', { class: 'chart' });
  // SVG written by the server in both languages, every text escaped there.
  chart.innerHTML = (i18n.lang === 'en' && answer.chart_en) || answer.chart;
  out.append(chart);
  out.append(el('h3', {}, t('gainers')));
  out.append(table([t('col.id'), t('col.job'), t('before'), t('after'), t('change'), t('cause')],
    s.largest_changes.map((r) => [employeeLink(r.id), jobName(names, r.job),
      r.before ? `${r.before.coefficient} · ${euros(r.before.minimum_salary)}` : '—',
      r.after ? `${r.after.coefficient} · ${euros(r.after.minimum_salary)}` : '—',
      signed(r.minimum_salary_change), causeIn(r)]), [false, false, true, true, true, false]));
  out.append(el('h3', {}, t('redline')));
  out.append(redline(answer.redline));
}

function costsTable(costs) {
  const rows = [[t('owedChange'), costs.minimum_owed_change.employees, signed(costs.minimum_owed_change.amount.monthly), signed(costs.minimum_owed_change.amount.annual)],
    [t('payrollRaise'), costs.payroll_raise.employees, euros(costs.payroll_raise.monthly), euros(costs.payroll_raise.annual)]];
  const estimate = costs.employer_contributions_estimate;
  if (estimate) {
    rows.push([`${t('estimate', estimate.rate)} — ${t('owedChange')}`, '', signed(estimate.on_minimum_owed_change.monthly), signed(estimate.on_minimum_owed_change.annual)]);
    rows.push([`${t('estimate', estimate.rate)} — ${t('payrollRaise')}`, '', euros(estimate.on_payroll_raise.monthly), euros(estimate.on_payroll_raise.annual)]);
  }
  return el('div', {}, el('h3', {}, t('costs')), table(['', t('employeesCol'), t('perMonth'), t('perYear')], rows, [false, true, true, true]));
}

// Why a row changes, in the page's language (the server gives both).
function causeIn(row) {
  return (i18n.lang === 'en' && row.cause_en) || row.cause || '';
}

// The proposal and each scenario side by side, against the base.
function scenariosTable(s) {
  const sides = [{ name: t('proposal'), changes: s.changes, losers: s.losers.length, mass: s.minimum_salary_mass, below: s.salaries.below_proposal_minimum }]
    .concat(s.scenarios.map((x) => ({ name: `${x.name} (${x.settings})`, changes: x.changes, losers: x.losers, mass: x.minimum_salary_mass, below: x.below_scenario_minimum })));
  const rows = [
    [t('up'), ...sides.map((x) => String(x.changes.up))],
    [t('down'), ...sides.map((x) => String(x.changes.down))],
    [t('same'), ...sides.map((x) => String(x.changes.same))],
    [t('card.losers'), ...sides.map((x) => String(x.losers))],
    [t('massAfter'), ...sides.map((x) => euros(x.mass.after.monthly))],
    [t('massDiff'), ...sides.map((x) => signed(x.mass.difference.monthly))],
    [t('belowMinimum'), ...sides.map((x) => `${x.below.employees} · ${euros(x.below.monthly)}`)],
  ];
  const numeric = [false, ...sides.map(() => true)];
  const box = el('div', { id: 'scenario-table' }, el('h3', {}, t('scenarios')), table(['', ...sides.map((x) => x.name)], rows, numeric));
  return box;
}

function redline(r) {
  if (!r.sections.length) return el('p', {}, t('noRedline'));
  const box = el('div', { class: 'redline' });
  for (const section of r.sections) {
    box.append(el('h4', {}, section.title));
    for (const entry of section.entries) {
      const li = el('div', { class: `entry ${entry.change}` }, el('strong', {}, entry.subject), ` (${entry.change})`,
        entry.at && entry.at.length ? el('span', { class: 'at' }, ` ${entry.at.join(', ')}`) : null);
      if (entry.before) li.append(el('div', { class: 'del' }, entry.before));
      if (entry.after) li.append(el('div', { class: 'ins' }, entry.after));
      for (const d of entry.details || []) {
        const field = d.field ? `${d.field} : ` : '';
        if (d.before) li.append(el('div', { class: 'del' }, `− ${field}${d.before}`));
        if (d.after) li.append(el('div', { class: 'ins' }, `+ ${field}${d.after}`));
      }
      box.append(li);
    }
  }
  return box;
}

// ---- the document and the back pay --------------------------------------

async function runDoc() {
  const answer = await api('/api/call', rulesRequest('doc', { as_of: $('as-of').value }));
  workbench.last.doc = answer;
  workbench.docStale = false;
  if (answer.ok) {
    $('doc-note').textContent = t('docStale');
    $('doc-frame').srcdoc = answer.html;
  } else {
    $('doc-note').textContent = t('docNotRun') + answer.errors.map(said).map((e) => e.message).join(' ; ');
  }
}

async function runReplay() {
  const extra = { id: $('replay-id').value.trim(), claim_on: $('replay-claim').value || $('as-of').value, lang: i18n.lang };
  if ($('replay-from').value) extra.from = $('replay-from').value;
  if ($('replay-to').value) extra.to = $('replay-to').value;
  const answer = await api('/api/call', rulesRequest('replay', extra));
  workbench.last.replay = answer;
  showReplay();
}

function showReplay() {
  const answer = workbench.last.replay;
  const out = $('replay-result');
  if (!answer) return;
  out.textContent = '';
  if (!answer.ok) {
    out.append(el('p', { class: 'failed' }, t('replayNotRun') + answer.errors.map(said).map((e) => `${e.message}${e.help ? ' — ' + e.help : ''}`).join(' ; ')));
    return;
  }
  const totals = answer.totals;
  out.append(el('div', { class: 'cards' }, card(euros(totals.shortfall), t('shortfall')),
    card(euros(totals.claimable), t('claimable')), card(euros(totals.prescribed), t('prescribed'))));
  out.append(table([t('month'), t('owed'), t('paid'), t('shortfall'), t('claimable')],
    answer.months.map((m) => [m.month, euros(m.owed), euros(m.paid), euros(m.shortfall), m.claimable ? '✓' : '—']),
    [false, true, true, true, false]));
  out.append(el('pre', { class: 'text' }, answer.text));
}
