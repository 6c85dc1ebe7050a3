// The workbench end to end in headless Chromium (playwright-core driving
// Debian's chromium, no browser downloaded). Run by tests/browser.rs:
//   node workbench.mjs CHROMIUM URL REPLAY_URL SHOTS_DIR
// Each step waits for what the page must show; a step that does not come
// fails the run (exit 1) with the step's name.
import { chromium } from 'playwright-core';

const [browserPath, url, replayUrl, shots] = process.argv.slice(2);
const STEP_MS = 15000;
const log = (text) => console.log(`step: ${text}`);

const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const failures = [];
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.setDefaultTimeout(STEP_MS);
page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') failures.push(`console: ${m.text()}`); });
// Nothing may come from elsewhere than the workbench.
const origin = new URL(url).origin;
page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('about:') && !r.url().startsWith('data:')) failures.push(`fetched ${r.url()}`); });

const lineOf = (text) => page.evaluate((t) => editor.text().split('\n').findIndex((l) => l.includes(t)) + 1, text);
const tab = async (name) => { await page.click(`#tab-${name}`); await page.waitForSelector(`#view-${name}:not([hidden])`); };
const textOf = (selector) => page.$eval(selector, (e) => e.textContent);

try {
  log('load the page');
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
  await page.waitForSelector('#diagnostics li:has-text("Aucune erreur")');
  await page.waitForSelector('.cm-content');

  log('introduce an error: its diagnostic at its line');
  const anchor = await lineOf('paramètre heures_reference');
  await page.evaluate((line) => editor.goTo(line - 1), anchor);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('paramètre = oups');
  const errorLine = anchor; // the new line sits before the declaration, which moves down
  await page.waitForSelector(`#diagnostics li.error a:text-is("ligne ${errorLine}")`);
  await page.waitForFunction((line) => {
    const lines = document.querySelectorAll('.cm-line');
    const shown = [...lines].find((l) => l.textContent === 'paramètre = oups');
    return shown && shown.querySelector('.cm-lintRange-error') && editor.text().split('\n')[line - 1] === 'paramètre = oups';
  }, errorLine);
  const help = await textOf('#diagnostics li.error');
  if (!help.includes('ligne')) throw new Error(`no line in ${help}`);
  // In French, as `grille check` says it (the API gives both languages).
  if (!help.includes('`=` inattendu') || help.includes('unexpected')) throw new Error(`not in French: ${help}`);
  await page.screenshot({ path: `${shots}/workbench-diagnostics.png` });

  log('fix it');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.waitForSelector('#diagnostics li:has-text("Aucune erreur")');
  await page.waitForSelector('#examples-summary:has-text("0 en échec")');

  log('change a coefficient: the what-if follows');
  await tab('whatif');
  await page.waitForSelector('#whatif-cards');
  const before = await textOf('#whatif-cards');
  const experienced = await lineOf('experimente : 190');
  await page.evaluate((line) => editor.goTo(line), experienced);
  await page.keyboard.press('End');
  const lineText = await page.evaluate((line) => editor.text().split('\n')[line - 1], experienced);
  for (let i = 0; i < lineText.length - (lineText.indexOf('190') + 3); i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('200'); // 190 → 200: the experienced advisers' minimum rises
  await page.waitForFunction((old) => {
    const cards = document.getElementById('whatif-cards');
    return cards && cards.textContent !== old;
  }, before);

  log('run a scenario');
  await page.click('#run-whatif');
  await page.waitForSelector('#scenario-table th:has-text("smcc-1850 (smcc = 1850.00)")');
  await page.screenshot({ path: `${shots}/workbench-whatif.png` });

  log('open an explanation, then why not');
  await tab('workforce');
  await page.fill('#filter', 'E001');
  await page.click('#decisions-body tr[data-id="E001"]');
  await page.waitForSelector('#explanation-text:has-text("E001")');
  await page.fill('#why-not', '220');
  await page.click('#why-not-form button');
  await page.waitForSelector('#explanation-text:has-text("220")');
  await page.fill('#filter', '');
  await page.screenshot({ path: `${shots}/workbench-explanation.png` });

  log('the document');
  await tab('doc');
  await page.waitForFunction(() => (document.getElementById('doc-frame').srcdoc || '').includes('<h1'));
  await page.frameLocator('#doc-frame').locator('h1').first().waitFor();
  await page.screenshot({ path: `${shots}/workbench-doc.png` });

  log('save');
  await page.waitForSelector('#state:has-text("modifications non enregistrées")');
  await page.keyboard.press('Control+s');
  await page.waitForSelector('#state:has-text("enregistré (copie")');

  log('English');
  await page.click('#lang');
  await page.waitForSelector('#tab-workforce:text-is("Workforce")');
  if ((await page.getAttribute('html', 'lang')) !== 'en') throw new Error('lang is not en');

  log('the back pay of one employee');
  const replay = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  replay.setDefaultTimeout(STEP_MS);
  await replay.goto(replayUrl);
  await replay.waitForSelector('body[data-ready=true]');
  await replay.click('#tab-replay');
  await replay.fill('#replay-id', 'E003');
  await replay.fill('#replay-claim', '2024-01-15');
  await replay.click('#replay-form button');
  await replay.waitForSelector('#replay-result table');
  await replay.screenshot({ path: `${shots}/workbench-replay.png` });
} catch (e) {
  failures.push(`${e.message.split('\n')[0]}`);
}
await browser.close();
if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}
console.log('ok');
