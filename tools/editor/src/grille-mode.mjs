// The grille language for CodeMirror's StreamLanguage: keywords (French and
// English, with and without accents, as grammar/grille.pest takes them),
// strings, `#` comments, numbers and dates. Highlighting only: every check
// is the server's.
const PHRASES = [
  // French
  'à partir de', 'a partir de', 'accord d\'entreprise', 'accord d’entreprise', 'alias', 'ancienneté antérieure',
  'anciennete anterieure', 'ancienneté', 'anciennete', 'année', 'années', 'annee', 'annees', 'ans', 'an',
  'appellations', 'appellation', 'arrondi', 'attendu', 'au plus', 'au', 'aucun plancher', 'aucune', 'barème',
  'bareme', 'case vide', 'catégorie', 'categorie', 'citation', 'classement', 'classification',
  'coefficient antérieur', 'coefficient anterieur', 'coefficient appliqué', 'coefficient applique',
  'coefficient transitoire', 'coefficients', 'coefficient', 'connu jusqu\'au', 'connu jusqu’au',
  'connue jusqu\'au', 'connue jusqu’au', 'convention', 'dans le cadre de', 'depuis le', 'depuis',
  'dès le coefficient', 'des le coefficient', 'dès', 'des', 'diplôme d\'accueil', 'diplôme d’accueil',
  'diplome d\'accueil', 'diplome d’accueil', 'diplôme', 'diplome', 'disposition', 'document', 'droit', 'du',
  'durée', 'duree', 'décimal', 'decimal', 'écarte', 'ecarte', 'entier', 'exemple', 'expérience', 'experience',
  'faits', 'fenêtre', 'fenetre', 'filière', 'filiere', 'fin d\'essai', 'fin d’essai', 'heures de référence',
  'heures de reference', 'heures maximales', 'heures', 'hors grille', 'idcc', 'jours', 'jour',
  'le plus élevé l\'emporte', 'le plus élevé l’emporte', 'le plus eleve l\'emporte', 'le plus eleve l’emporte',
  'lecture', 'loi', 'manque', 'métier', 'metier', 'minimum conventionnel', 'minimum', 'mission', 'mobilité',
  'mobilite', 'modifie', 'mois', 'montant', 'niveau supérieur', 'niveau superieur', 'niveau', 'nombre',
  'par coefficient', 'par', 'paramètre', 'parametre', 'période d\'essai maximale', 'période d’essai maximale',
  'periode d\'essai maximale', 'periode d’essai maximale', 'période d\'essai', 'période d’essai',
  'periode d\'essai', 'periode d’essai', 'plafond des missions', 'plancher', 'pour les métiers de ce fichier',
  'pour les metiers de ce fichier', 'prochaine étape', 'prochaine etape', 'rejeté', 'rejete', 'rejet',
  'renouvelée', 'renouvelee', 'renouvellement compris', 'renouvellement', 'repris par', 'rompue le', 'rompue',
  'salaire minimum légal', 'salaire minimum legal', 'salaire minimum', 'salaire', 'semaines', 'semaine', 'si',
  'sinon', 'source', 'sous la loi', 'statut', 'table', 'temps de travail', 'texte', 'tranche précédente',
  'tranche precedente', 'tranche', 'vers', 'vide', 'le', 'de',
  // English
  'agreement minimum', 'agreement', 'aliases', 'amends', 'amount', 'applied coefficient', 'as of', 'at most',
  'band', 'blank cell', 'blank', 'broken on', 'by coefficient', 'by', 'category', 'claim', 'company agreement',
  'date', 'days', 'day', 'diploma', 'duration', 'entry diploma', 'example', 'expect', 'facts', 'floor',
  'for the jobs of this file', 'from coefficient', 'from', 'highest wins', 'hours', 'if', 'integer', 'job',
  'known until', 'law', 'legal minimum salary', 'level', 'maximum hours', 'maximum trial period',
  'minimum salary', 'mission cap', 'months', 'month', 'move', 'next level', 'next step', 'no floor', 'none',
  'number', 'off grid', 'on', 'otherwise', 'parameter', 'previous band', 'previous coefficient',
  'prior experience', 'provision', 'quote', 'reading', 'reference hours', 'rejected', 'reject',
  'renewal included', 'renewal', 'renewed', 'round', 'salary', 'sets aside', 'shortfall', 'since', 'status',
  'taken over by', 'to', 'track', 'transitional coefficient', 'trial end', 'trial period', 'under the law',
  'under law', 'weeks', 'week', 'window', 'within', 'working time', 'years', 'year',
];

// Longest first: `coefficient transitoire` before `coefficient`.
const KEYWORDS = [...new Set(PHRASES)].sort((a, b) => b.length - a.length);
const WORD = /[\p{L}\p{N}_-]/u;

function keywordAt(stream) {
  const rest = stream.string.slice(stream.pos).toLowerCase();
  const before = stream.pos > 0 ? stream.string[stream.pos - 1] : '';
  if (before && WORD.test(before)) return null;
  for (const k of KEYWORDS) {
    if (rest.startsWith(k) && !WORD.test(rest.charAt(k.length) || ' ')) return k;
  }
  return null;
}

export const grille = {
  name: 'grille',
  startState: () => ({}),
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.peek() === '#') { stream.skipToEnd(); return 'comment'; }
    if (stream.peek() === '"') {
      stream.next();
      let escaped = false;
      for (let c = stream.next(); c !== undefined; c = stream.next()) {
        if (c === '"' && !escaped) break;
        escaped = !escaped && c === '\\';
      }
      return 'string';
    }
    if (stream.match(/^\d{4}-\d{2}-\d{2}/) || stream.match(/^\d+(?:[.,]\d+)?/)) return 'number';
    const keyword = keywordAt(stream);
    if (keyword) { stream.pos += keyword.length; return 'keyword'; }
    if (stream.match(/^(?:>=|<=|=|<|>|\+|-|\*|\/|:|→)/)) return 'operator';
    if (stream.match(/^[\p{L}\p{N}_][\p{L}\p{N}_-]*/u)) return null;
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '#' } },
};
