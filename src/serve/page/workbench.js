// The workbench page: plain JavaScript, no framework, nothing fetched from
// elsewhere. Every rule is decided by the server (POST /api/call); the page
// only shows what it answers.
'use strict';

// The token comes once from the address, then lives in memory only: the
// address bar (and the history) forget it.
const token = new URLSearchParams(location.search).get('token') || '';
history.replaceState(null, '', location.pathname);

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 300;

const workbench = { rules: '', facts: null, saved: '', timer: null, asked: 0 };

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'X-Grille-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  try {
    return await response.json();
  } catch (e) {
    return { ok: false, errors: [{ message: `réponse illisible (${response.status})` }] };
  }
}

// The editor: the only code that touches the textarea. Next session:
// CodeMirror 6 behind the same three functions.
const editor = {
  text: () => $('rules').value,
  setText: (text) => { $('rules').value = text; editor.gutter(new Map()); },
  goTo(line) {
    const area = $('rules');
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1] || '').length);
    area.scrollTop = Math.max(0, (line - 3) * parseFloat(getComputedStyle(area).lineHeight));
  },
  // Line numbers, the lines with a diagnostic marked (`marks`: line → class).
  gutter(marks) {
    const count = $('rules').value.split('\n').length;
    const gutter = $('gutter');
    gutter.textContent = '';
    for (let n = 1; n <= count; n++) {
      const line = document.createElement('span');
      line.textContent = n + '\n';
      if (marks.has(n)) line.className = marks.get(n);
      gutter.appendChild(line);
    }
    gutter.scrollTop = $('rules').scrollTop;
  },
};

function rulesRequest(op, extra) {
  return Object.assign({ op, rules: { files: { [workbench.rules]: editor.text() }, main: workbench.rules } }, extra);
}

function item(className, text, line, help) {
  const li = document.createElement('li');
  li.className = className;
  if (line) {
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = `ligne ${line}`;
    link.addEventListener('click', (e) => { e.preventDefault(); editor.goTo(line); });
    li.append(link, ' ');
  }
  li.append(text);
  if (help) {
    const p = document.createElement('div');
    p.className = 'help';
    p.textContent = help;
    li.appendChild(p);
  }
  return li;
}

function where(problem) {
  if (!problem.file || problem.file === workbench.rules) return '';
  return `${problem.file}:${problem.line}: `;
}

// Errors in view, warnings folded under their count: a long list of warnings
// must not hide the examples and the workforce.
function showDiagnostics(answer) {
  const marks = new Map();
  const shown = [['error', $('diagnostics'), answer.errors || []], ['warning', $('warnings'), answer.warnings || []]];
  for (const [kind, list, problems] of shown) {
    list.textContent = '';
    for (const p of problems) {
      const here = !p.file || p.file === workbench.rules;
      if (here && p.line && marks.get(p.line) !== 'bad') marks.set(p.line, kind === 'error' ? 'bad' : 'warn');
      const text = `${where(p)}${kind === 'error' ? 'erreur' : 'avertissement'} [${p.code}] ${p.message}`;
      list.appendChild(item(kind, text, here ? p.line : null, p.help));
    }
  }
  const errors = (answer.errors || []).length;
  if (!errors) $('diagnostics').appendChild(item('', 'Aucune erreur.', null, null));
  $('warnings-summary').textContent = `${(answer.warnings || []).length} avertissement(s)`;
  editor.gutter(marks);
}

function showExamples(answer) {
  const list = $('examples');
  list.textContent = '';
  if (!answer.ok) { $('examples-summary').textContent = 'Exemples non exécutés : les règles ont des erreurs.'; return; }
  $('examples-summary').textContent = `${answer.passed} réussi(s), ${answer.failed} en échec`;
  for (const e of answer.examples) {
    const failures = e.failures.map((f) => `${f.what} : attendu ${f.expected}, obtenu ${f.got}`).join(' ; ');
    list.appendChild(item(e.passed ? 'passed' : 'failed', `${e.passed ? '✓' : '✗'} ${e.title}${failures ? ' — ' + failures : ''}`,
      e.file === workbench.rules ? e.line : null, e.passed ? null : e.steps));
  }
}

function showDecisions(answer) {
  const body = document.querySelector('#decisions tbody');
  body.textContent = '';
  $('rejected').textContent = '';
  if (!answer.ok) { $('workforce-summary').textContent = 'Décisions non calculées : ' + answer.errors.map((e) => e.message).join(' ; '); return; }
  const fields = ['id', 'job', 'band', 'coefficient', 'level', 'category', 'status', 'minimum_salary'];
  for (const d of answer.decisions) {
    const row = body.insertRow();
    for (const f of fields) {
      const cell = row.insertCell();
      cell.textContent = d[f] === null || d[f] === undefined ? '—' : String(d[f]);
      if (['coefficient', 'level', 'minimum_salary'].includes(f)) cell.className = 'number';
    }
  }
  for (const r of answer.rejected) $('rejected').appendChild(item('error', `${r.id || '?'} rejeté : ${r.reason || r.message || JSON.stringify(r)}`));
  $('workforce-summary').textContent = `${answer.decisions.length} décision(s), ${answer.rejected.length} rejet(s)`;
}

// After each edit, once typing pauses: check, then examples and decisions when
// the rules have no errors. An answer to an older edit is dropped.
async function refresh() {
  const asked = ++workbench.asked;
  $('state').textContent = 'vérification…';
  const checked = await api('/api/call', rulesRequest('check'));
  if (asked !== workbench.asked) return;
  showDiagnostics(checked);
  const examples = checked.ok ? await api('/api/call', rulesRequest('test')) : { ok: false };
  if (asked !== workbench.asked) return;
  showExamples(examples);
  if (workbench.facts && checked.ok) {
    const decided = await api('/api/call', rulesRequest('eval', { as_of: $('as-of').value }));
    if (asked !== workbench.asked) return;
    showDecisions(decided);
  }
  // Next session: the what-if (op diff against the base) and the open explanation refresh here.
  markState(checked.ok ? '' : 'erreurs dans les règles');
}

function markState(text) {
  const dirty = editor.text() !== workbench.saved;
  $('state').textContent = [dirty ? 'modifications non enregistrées' : '', text].filter(Boolean).join(' · ');
}

function edited() {
  clearTimeout(workbench.timer);
  workbench.timer = setTimeout(refresh, DEBOUNCE_MS);
  markState('');
}

async function save() {
  const text = editor.text();
  const answer = await api('/api/save', { text, force: $('force').checked });
  if (answer.ok) {
    workbench.saved = text;
    markState(`enregistré (copie de l'ancienne version : ${answer.backup || 'aucune'})`);
  } else {
    markState('non enregistré : ' + answer.errors.map((e) => e.message).join(' ; '));
  }
}

async function start() {
  const held = await api('/api/files');
  if (!held.ok) { $('state').textContent = held.errors.map((e) => e.message + ' — ' + e.help).join(' ; '); return; }
  workbench.rules = held.rules;
  workbench.facts = held.facts;
  const edited_file = held.files.find((f) => f.role === 'edited');
  workbench.saved = edited_file.text;
  $('file').textContent = held.rules;
  editor.setText(edited_file.text);
  $('as-of').value = held.today;
  if (held.facts) { $('workforce').hidden = false; $('facts-name').textContent = held.facts.path; }
  $('rules').addEventListener('input', edited);
  $('rules').addEventListener('scroll', () => { $('gutter').scrollTop = $('rules').scrollTop; });
  $('as-of').addEventListener('change', refresh);
  $('save').addEventListener('click', save);
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); save(); }
  });
  window.addEventListener('beforeunload', (e) => {
    if (editor.text() !== workbench.saved) e.preventDefault();
  });
  refresh();
}

start();
