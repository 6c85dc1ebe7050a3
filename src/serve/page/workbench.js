// The workbench page: plain JavaScript, no framework, nothing fetched from
// elsewhere. Every rule is decided by the server (POST /api/call); the page
// only shows what it answers. views.js draws the answers, i18n.js has the
// words, editor.js is CodeMirror 6 with the grille language (tools/editor).
'use strict';

// The token comes once from the address, then lives in memory only: the
// address bar (and the history) forget it.
const token = new URLSearchParams(location.search).get('token') || '';
history.replaceState(null, '', location.pathname);

const DEBOUNCE_MS = 300;
const TABS = ['check', 'workforce', 'whatif', 'doc', 'replay'];

const workbench = {
  rules: '', base: '', facts: null, saved: '', timer: null, asked: 0, tab: 'check',
  last: {}, explained: null, docStale: true,
};
let editor = null;

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'X-Grille-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  try {
    return await response.json();
  } catch (e) {
    return { ok: false, errors: [{ message: `(${response.status})` }] };
  }
}

function rulesRequest(op, extra) {
  return Object.assign({ op, rules: { files: { [workbench.rules]: editor.text() }, main: workbench.rules } }, extra);
}

// After each edit, once typing pauses: check, then the examples, the
// decisions and the what-if when the rules have no errors. An answer to an
// older edit is dropped.
async function refresh() {
  const asked = ++workbench.asked;
  markState(t('checking'));
  const checked = await api('/api/call', rulesRequest('check'));
  if (asked !== workbench.asked) return;
  workbench.last.check = checked;
  showDiagnostics(checked);
  workbench.docStale = true;
  if (!checked.ok) { showExamples({ ok: false }); markState(t('rulesErrors')); return; }
  markState('');
  const examples = await api('/api/call', rulesRequest('test'));
  if (asked !== workbench.asked) return;
  workbench.last.test = examples;
  showExamples(examples);
  if (workbench.facts) {
    const decided = await api('/api/call', rulesRequest('eval', { as_of: $('as-of').value }));
    if (asked !== workbench.asked) return;
    workbench.last.eval = decided;
    showDecisions();
    await runWhatif();
    if (asked !== workbench.asked) return;
    if (workbench.explained) explainEmployee(workbench.explained, $('why-not').value.trim() || undefined);
  }
  if (workbench.tab === 'doc') runDoc();
}

function dirty() {
  return editor.text() !== workbench.saved;
}

function markState(text) {
  $('state').textContent = [dirty() ? t('unsaved') : '', text].filter(Boolean).join(' · ');
  $('save').classList.toggle('dirty', dirty());
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
    markState(t('saved', answer.backup));
  } else {
    markState(t('notSaved') + answer.errors.map(said).map((e) => e.message).join(' ; '));
  }
}

function selectTab(name) {
  workbench.tab = name;
  for (const tab of TABS) {
    const selected = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(selected));
    $(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    $(`view-${tab}`).hidden = !selected;
  }
  if (name === 'doc' && workbench.docStale) runDoc();
}

// Arrow keys move between tabs (the ARIA tabs pattern); Alt+1…5 from anywhere.
function tabKeys(e) {
  const at = TABS.indexOf(workbench.tab);
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const tab = TABS[(next + TABS.length) % TABS.length];
  selectTab(tab);
  $(`tab-${tab}`).focus();
}

function switchLanguage() {
  i18n.lang = i18n.lang === 'fr' ? 'en' : 'fr';
  translatePage();
  $('lang').textContent = t('switchTo');
  $('lang').setAttribute('aria-label', t('switchLabel'));
  if (workbench.last.check) showDiagnostics(workbench.last.check);
  if (workbench.last.test) showExamples(workbench.last.test);
  showDecisions();
  showWhatif();
  showReplay();
  if (workbench.explained) explainEmployee(workbench.explained, $('why-not').value.trim() || undefined);
  markState('');
}

function listen() {
  for (const tab of TABS) {
    $(`tab-${tab}`).addEventListener('click', () => selectTab(tab));
    $(`tab-${tab}`).addEventListener('keydown', tabKeys);
  }
  $('as-of').addEventListener('change', refresh);
  $('save').addEventListener('click', save);
  $('lang').addEventListener('click', switchLanguage);
  $('filter').addEventListener('input', () => { table_state.filter = $('filter').value; showDecisions(); });
  $('why-not-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (workbench.explained) explainEmployee(workbench.explained, $('why-not').value.trim() || undefined);
  });
  $('add-scenario').addEventListener('click', () => addScenario('', '').querySelector('.name').focus());
  $('whatif-form').addEventListener('submit', (e) => { e.preventDefault(); runWhatif(); });
  $('replay-form').addEventListener('submit', (e) => { e.preventDefault(); runReplay(); });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); save(); }
    if (e.altKey && e.key >= '1' && e.key <= String(TABS.length)) { e.preventDefault(); selectTab(TABS[Number(e.key) - 1]); $(`tab-${workbench.tab}`).focus(); }
  });
  window.addEventListener('beforeunload', (e) => {
    if (dirty()) { e.preventDefault(); e.returnValue = t('leave'); }
  });
}

async function start() {
  translatePage();
  const held = await api('/api/files');
  if (!held.ok) { $('state').textContent = held.errors.map(said).map((e) => e.message + ' — ' + e.help).join(' ; '); return; }
  Object.assign(workbench, { rules: held.rules, base: held.base, facts: held.facts });
  const edited_file = held.files.find((f) => f.role === 'edited');
  workbench.saved = edited_file.text;
  $('file').textContent = held.rules;
  editor = GrilleEditor.create($('editor'), { doc: edited_file.text, onChange: edited, label: t('editor') });
  $('as-of').value = held.today;
  $('replay-claim').value = held.today;
  const noFacts = !held.facts;
  for (const id of ['workforce-body', 'whatif-body', 'replay-body']) $(id).hidden = noFacts;
  for (const id of ['workforce-none', 'whatif-none', 'replay-none']) $(id).hidden = !noFacts;
  if (held.facts) $('facts-name').textContent = held.facts.path;
  addScenario('smcc-1850', 'smcc=1850.00');
  listen();
  selectTab('check');
  await refresh();
  document.body.dataset.ready = 'true';
}

start();
