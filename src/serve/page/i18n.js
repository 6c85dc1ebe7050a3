// The page's words, French by default, English on the switch. The rules'
// own texts (names, quotes, readings) stay as the rule file writes them.
'use strict';

const I18N = {
  fr: {
    subtitle: 'atelier de négociation', save: 'Enregistrer', force: 'enregistrer même avec des erreurs',
    switchTo: 'EN', switchLabel: 'Switch to English',
    'tab.check': 'Diagnostics', 'tab.workforce': 'Effectif', 'tab.whatif': 'Et si…', 'tab.doc': 'Document',
    'tab.replay': 'Rappel de salaire', editor: 'Texte des règles',
    diagnostics: 'Diagnostics', examples: 'Exemples', noError: 'Aucune erreur.', error: 'erreur',
    warning: 'avertissement', warnings: (n) => `${n} avertissement(s)`, line: (n) => `ligne ${n}`,
    examplesNotRun: 'Exemples non exécutés : les règles ont des erreurs.',
    examplesSummary: (p, f) => `${p} réussi(s), ${f} en échec`, expected: 'attendu', got: 'obtenu',
    checking: 'vérification…', rulesErrors: 'erreurs dans les règles', unsaved: 'modifications non enregistrées',
    saved: (b) => `enregistré (copie de l'ancienne version : ${b || 'aucune'})`, notSaved: 'non enregistré : ',
    leave: 'Des modifications ne sont pas enregistrées.', asOf: 'au', filter: 'Filtrer',
    filterHint: 'id, métier, statut…', decisions: (d, r) => `${d} décision(s), ${r} rejet(s)`,
    shown: (n) => `${n} affichée(s)`, notDecided: 'Décisions non calculées : ', rejected: 'rejeté',
    'col.id': 'id', 'col.job': 'métier', 'col.band': 'tranche', 'col.coefficient': 'coefficient',
    'col.level': 'niveau', 'col.category': 'catégorie', 'col.status': 'statut', 'col.minimum_salary': 'minimum',
    sortBy: (c) => `trier par ${c}`, explanation: 'Explication', whyNot: 'Pourquoi pas… (coefficient, niveau 4, tranche)',
    ask: 'Demander', explainHint: 'Cliquez un salarié (ou Entrée sur sa ligne) pour son explication.',
    noFacts: 'Lancez le serveur avec --facts FICHIER pour voir l’effectif.',
    whatifBase: (b) => `Contre la base ${b}, à la même date.`, scenarios: 'Scénarios',
    scenarioName: 'nom', scenarioSettings: 'paramètres (smcc=1850.00, …)', addScenario: 'Ajouter un scénario',
    run: 'Lancer', chargesRate: 'taux de charges patronales (estimation, ex. 0.42)',
    whatifNotRun: 'Et si non calculé : ', whatifTime: (ms) => `calculé en ${ms} ms`,
    'card.up': 'en hausse', 'card.losers': 'perdent quelque chose', 'card.month': 'écart des minima dus par mois',
    'card.year': 'écart des minima dus par an', 'card.raise': 'hausse de paie par mois (salaires connus)',
    onCompared: (n) => `sur ${n} comparés`, population: 'Population', costs: 'Coûts', perMonth: 'par mois',
    perYear: 'par an', employeesCol: 'salariés', owedChange: 'écart des minima dus', payrollRaise: 'hausse de paie',
    estimate: (r) => `charges patronales (estimation, taux ${r})`, losers: 'Qui perd', gainers: 'Plus grands changements',
    noLoser: 'Personne ne perd.', before: 'avant', after: 'après', change: 'écart', losses: 'pertes', cause: 'cause',
    proposal: 'proposition', chart: 'Répartition des coefficients (décidés des deux côtés)', redline: 'Modifications des règles',
    noRedline: 'Aucune différence avec la base.', up: 'en hausse', down: 'en baisse', same: 'inchangés',
    massAfter: 'masse des minima après (par mois)', massDiff: 'écart (par mois)', belowMinimum: 'sous le nouveau minimum',
    docStale: 'Document des règles telles qu’éditées.', docNotRun: 'Document non produit : ',
    replayIntro: 'Le rappel d’un salarié, mois par mois, d’après l’historique de ses fiches de paie dans les faits.',
    employee: 'salarié', from: 'du mois', to: 'au mois', claimOn: 'action le', replay: 'Calculer le rappel',
    replayNotRun: 'Rappel non calculé : ', month: 'mois', owed: 'dû', paid: 'payé', shortfall: 'manque',
    claimable: 'réclamable', prescribed: 'prescrit',
  },
  en: {
    subtitle: 'negotiation workbench', save: 'Save', force: 'save even with errors',
    switchTo: 'FR', switchLabel: 'Passer en français',
    'tab.check': 'Diagnostics', 'tab.workforce': 'Workforce', 'tab.whatif': 'What if…', 'tab.doc': 'Document',
    'tab.replay': 'Back pay', editor: 'Rule text',
    diagnostics: 'Diagnostics', examples: 'Examples', noError: 'No errors.', error: 'error',
    warning: 'warning', warnings: (n) => `${n} warning(s)`, line: (n) => `line ${n}`,
    examplesNotRun: 'Examples not run: the rules have errors.',
    examplesSummary: (p, f) => `${p} passed, ${f} failed`, expected: 'expected', got: 'got',
    checking: 'checking…', rulesErrors: 'errors in the rules', unsaved: 'unsaved changes',
    saved: (b) => `saved (previous version kept as ${b || 'none'})`, notSaved: 'not saved: ',
    leave: 'Some changes are not saved.', asOf: 'as of', filter: 'Filter',
    filterHint: 'id, job, status…', decisions: (d, r) => `${d} decision(s), ${r} rejected`,
    shown: (n) => `${n} shown`, notDecided: 'Not decided: ', rejected: 'rejected',
    'col.id': 'id', 'col.job': 'job', 'col.band': 'band', 'col.coefficient': 'coefficient',
    'col.level': 'level', 'col.category': 'category', 'col.status': 'status', 'col.minimum_salary': 'minimum',
    sortBy: (c) => `sort by ${c}`, explanation: 'Explanation', whyNot: 'Why not… (coefficient, niveau 4, band)',
    ask: 'Ask', explainHint: 'Click an employee (or Enter on their row) for the explanation.',
    noFacts: 'Start the server with --facts FILE to see the workforce.',
    whatifBase: (b) => `Against the base ${b}, on the same day.`, scenarios: 'Scenarios',
    scenarioName: 'name', scenarioSettings: 'parameters (smcc=1850.00, …)', addScenario: 'Add a scenario',
    run: 'Run', chargesRate: 'employer contribution rate (estimate, e.g. 0.42)',
    whatifNotRun: 'What-if not computed: ', whatifTime: (ms) => `computed in ${ms} ms`,
    'card.up': 'go up', 'card.losers': 'lose something', 'card.month': 'change of the minima owed per month',
    'card.year': 'change of the minima owed per year', 'card.raise': 'payroll raise per month (known salaries)',
    onCompared: (n) => `of ${n} compared`, population: 'Population', costs: 'Costs', perMonth: 'per month',
    perYear: 'per year', employeesCol: 'employees', owedChange: 'change of the minima owed', payrollRaise: 'payroll raise',
    estimate: (r) => `employer contributions (estimate, rate ${r})`, losers: 'Who loses', gainers: 'Largest changes',
    noLoser: 'Nobody loses.', before: 'before', after: 'after', change: 'change', losses: 'losses', cause: 'cause',
    proposal: 'proposal', chart: 'Coefficients (decided on both sides)', redline: 'Changes to the rules',
    noRedline: 'No difference with the base.', up: 'up', down: 'down', same: 'unchanged',
    massAfter: 'minima after (per month)', massDiff: 'change (per month)', belowMinimum: 'below the new minimum',
    docStale: 'Document of the rules as edited.', docNotRun: 'No document: ',
    replayIntro: 'One employee’s back pay, month by month, from the payslip history of the facts.',
    employee: 'employee', from: 'from month', to: 'to month', claimOn: 'claim on', replay: 'Compute the back pay',
    replayNotRun: 'No back pay: ', month: 'month', owed: 'owed', paid: 'paid', shortfall: 'shortfall',
    claimable: 'claimable', prescribed: 'prescribed',
  },
};

const i18n = { lang: 'fr' };

// The word for `key` in the page's language; functions take their values.
function t(key, ...values) {
  const word = I18N[i18n.lang][key] ?? I18N.fr[key] ?? key;
  return typeof word === 'function' ? word(...values) : word;
}

// A problem of the API in the page's language: the API gives the French
// words beside the English ones (`message_fr`, `help_fr`) when it has them.
function said(p) {
  if (i18n.lang !== 'fr') return p;
  return { ...p, message: p.message_fr ?? p.message, help: p.help_fr ?? p.help };
}

// The static words of the page: each element names its key.
function translatePage() {
  document.documentElement.lang = i18n.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}
