#!/usr/bin/env bash
# Fills fuzz/corpus/ with seeds from the project's own rule files and facts fixtures.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/rules corpus/facts
cp ../rules/*.grille ../tests/inputs/check/*.grille ../tests/inputs/eval/*/rules.grille ../tests/inputs/test/*.grille corpus/rules/ 2>/dev/null || true
cp ../examples/workforce.* ../tests/oracle/cases/*/*.json ../tests/inputs/eval/*/facts.* ../tests/inputs/facts/* corpus/facts/ 2>/dev/null || true
echo "seeds: $(ls corpus/rules | wc -l) rule files, $(ls corpus/facts | wc -l) facts files"
# Small files on the readers' edges: quotes open and closed across lines, line
# ends of every kind, UTF-16, a field given twice, a pretty-printed array.
printf 'id,job,job_since,salary\nC1,"Conseiller, clientèle",2020-01-01,"1850,00"\nC2,"x\n' > corpus/facts/quote-open.csv
printf 'id;job;job_since;note\r\nC1;Superviseur;01/02/2020;"two\r\nlines ""q"""\r\n\r\nC2;"a"b;2020-01-01;\rC3;x;2020-01-01\n' > corpus/facts/quote-lines.csv
printf '\xff\xfei\0d\0\t\0j\0o\0b\0\t\0j\0o\0b\0_\0s\0i\0n\0c\0e\0\n\0E\x001\0\t\0x\0\t\x002\x000\x002\x000\0-\x000\x001\0-\x000\x001\0\n\0' > corpus/facts/utf16.csv
printf '[\n {"id":"a","job":"x","job_since":"2020-01-01","salary":"1","salary":2},\n {"id":"b","job":"x","job_since":"2020-01-01","missions":[{"job":"y","start":"2020-01-01","n":1}]}\n]\n' > corpus/facts/array.json
printf '{"id":"a","job":"x","job_since":"2020-01-01"}\n\n \n{"id":"\\u0061","job":"x","job_since":"2020-01-01","coefficient":18446744073709551616}\n' > corpus/facts/lines.jsonl
# Rule files standing on the shipped ones (the rules target provides them), and a `--set`.
printf 'convention "A"\nmodifie "idcc2098-2002.grille"\n  métier teleconseiller repris par agent : "r"\n  écarte coefficient transitoire 120 pour les métiers de ce fichier : "r"\nsous la loi "loi.grille"\nmétier agent "Agent"\n  ancienneté : courte\n  debutant : 130\n#set point_employes=4.00\n' > corpus/rules/amends.grille
printf 'accord d'"'"'entreprise "E"\ndans le cadre de "cgt-2008.grille"\nsalaire minimum : arrondi(minimum × 1.03 × heures / heures_reference)\npériode d'"'"'essai\n  catégorie employes : 1 mois\n#set smcc=-1\n' > corpus/rules/company.grille
echo "with the readers' edge cases: $(ls corpus/facts | wc -l) facts files"
