//! `grille fmt`: its guarantees on every rule file of the repository, then the
//! layout decisions one by one.

use std::path::{Path, PathBuf};

use grille::fmt::{comments, format};
use grille::span::ignoring_spans;
use grille::syntax::parse;

/// The shipped rule files and every fixture that parses.
fn rule_files() -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = Vec::new();
    paths.extend(files_in(Path::new("rules"), "grille"));
    paths.extend(files_in(Path::new("tests/inputs/check"), "grille"));
    for case in files_in(Path::new("tests/inputs/eval"), "") {
        let rules = case.join("rules.grille");
        if rules.is_file() {
            paths.push(rules);
        }
    }
    let files: Vec<_> = paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .filter(|(_, text)| parse(text).is_ok())
        .collect();
    assert!(files.len() >= 25, "rule files found: {}", files.len());
    files
}

fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| extension.is_empty() || p.extension().is_some_and(|e| e == extension))
        .collect();
    out.sort();
    out
}

fn fmt(text: &str) -> String {
    format(text).unwrap_or_else(|d| panic!("does not format: {d:?}\n{text}"))
}

#[test]
fn formatting_never_changes_meaning() {
    for (path, text) in rule_files() {
        let before = parse(&text).unwrap();
        let after = parse(&fmt(&text)).unwrap();
        assert!(
            ignoring_spans(|| before.items == after.items),
            "{} changed meaning",
            path.display()
        );
    }
}

#[test]
fn formatting_is_idempotent() {
    for (path, text) in rule_files() {
        let once = fmt(&text);
        assert!(fmt(&once) == once, "{} is not stable", path.display());
    }
}

#[test]
fn every_comment_is_kept_in_order() {
    for (path, text) in rule_files() {
        let before = parse(&text).unwrap();
        let after = parse(&fmt(&text)).unwrap();
        assert_eq!(
            comments(&before.trivia),
            comments(&after.trivia),
            "{}",
            path.display()
        );
    }
}

/// The same file with its layout scrambled: lines joined, indentation changed,
/// blank lines multiplied.
fn scrambled(text: &str) -> String {
    let mut out = String::new();
    let mut previous_has_comment = true;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if i % 3 == 1 && !previous_has_comment {
            out.push(' ');
        } else {
            out.push('\n');
            if i % 7 == 0 {
                out.push_str("\n\n");
            }
            out.push_str(&" ".repeat(i % 5));
        }
        out.push_str(line);
        previous_has_comment = line.contains('#');
    }
    out
}

#[test]
fn a_scrambled_layout_formats_to_the_same_meaning_stably() {
    for (path, text) in rule_files() {
        let messy = scrambled(&text);
        let once = fmt(&messy);
        assert!(
            ignoring_spans(|| parse(&once).unwrap().items == parse(&text).unwrap().items),
            "{}",
            path.display()
        );
        assert!(fmt(&once) == once, "{} is not stable", path.display());
    }
}

#[test]
fn shipped_rule_files_are_formatted() {
    for path in files_in(Path::new("rules"), "grille") {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(fmt(&text) == text, "run `grille fmt {}`", path.display());
    }
}

#[test]
fn syntax_errors_are_reported_not_formatted() {
    let errors = format("métier agent \"Agent\"\n  debutant 120\n").unwrap_err();
    assert_eq!(errors[0].code, "grille::syntax");
}

// ---------------------------------------------------------------- layout

#[test]
fn declarations_at_column_0_attributes_at_2_nested_at_4() {
    let text = "catégorie employes \"Employés\" source \"s\" niveau 1 : coefficients 120 à 140 \
                source \"n1\" minimum 1.0 × smcc\n";
    assert_eq!(
        fmt(text),
        "catégorie employes \"Employés\"\n  source \"s\"\n  \
         niveau 1 : coefficients 120 à 140, minimum 1.0 × smcc\n    source \"n1\"\n"
    );
}

#[test]
fn comments_stay_where_they_were_written() {
    let text = "\
# about the grid
catégorie employes \"Employés\"   # end of a header
# about level 1, written at column 0
  niveau 1 : coefficients 120 à 140
      source \"n1\"
      # ends the block of level 1
  niveau 2 : coefficients 150 à 160 # two spaces at least
";
    let expected = "\
# about the grid
catégorie employes \"Employés\"   # end of a header
  # about level 1, written at column 0
  niveau 1 : coefficients 120 à 140
    source \"n1\"
    # ends the block of level 1
  niveau 2 : coefficients 150 à 160  # two spaces at least
";
    assert_eq!(fmt(text), expected);
}

#[test]
fn aligned_end_of_line_comments_stay_aligned() {
    let text = "\
métier agent \"Agent\"
  debutant : 170      # one
  confirme : 180      # two
  experimente : 190   # three
  senior : 200 # four
";
    assert_eq!(fmt(text), text.replacen("200 # four", "200  # four", 1));
}

#[test]
fn a_comment_inside_a_joined_line_moves_above_it() {
    let text = "\
catégorie employes \"Employés\"
  niveau 1 : coefficients 120 à 140 # range
    minimum 1.0 × smcc
";
    let expected = "\
catégorie employes \"Employés\"
  # range
  niveau 1 : coefficients 120 à 140, minimum 1.0 × smcc
";
    assert_eq!(fmt(text), expected);
}

#[test]
fn blank_line_groups_become_one_blank_line_and_none_is_invented() {
    let text =
        "\n\n# a\n\n\n\ndiplôme bac \"Bac\"\ndiplôme bac+2 \"Bac+2\"\n\n  source \"s\"\n\n\n";
    assert_eq!(
        fmt(text),
        "# a\n\ndiplôme bac \"Bac\"\ndiplôme bac+2 \"Bac+2\"\n\n  source \"s\"\n"
    );
}

#[test]
fn alias_lists_keep_their_rows_and_wrap_when_too_long() {
    let text = "\
métier agent \"Agent\"
  appellations \"Agente\",
        \"Chargé\", \"Chargée\"   # a pair
  appellations \"Un nom d'appellation assez long numéro un\", \"Un nom d'appellation assez long numéro deux\", \"Trois\"
";
    let expected = "\
métier agent \"Agent\"
  appellations \"Agente\",
    \"Chargé\", \"Chargée\"   # a pair
  appellations \"Un nom d'appellation assez long numéro un\",
    \"Un nom d'appellation assez long numéro deux\", \"Trois\"
";
    assert_eq!(fmt(text), expected);
    assert!(fmt(text).lines().all(|l| l.chars().count() <= 100));
}

#[test]
fn formulas_keep_only_the_parentheses_they_need() {
    let text =
        "salaire minimum : ((a + b)) × c - (d - e) - (f + g) / -(h) + -(i × j) + arrondi((k))\n";
    assert_eq!(
        fmt(text),
        "salaire minimum : (a + b) × c - (d - e) - (f + g) / -h + -(i × j) + arrondi(k)\n"
    );
    let nested = "salaire minimum : a - (b - (c - d)) / (e / f × g)\n";
    assert_eq!(fmt(nested), nested);
}

#[test]
fn formula_functions_and_conditions_in_both_languages() {
    // Canonical already: written back unchanged, the parentheses of a test kept,
    // a `si` inside a sum in parentheses (its `sinon` runs to the end).
    let french = "salaire minimum : arrondi(max(a, 0) + (si heures > 151.67 et non (b ≤ c ou d = 1) alors min(a, b, c) sinon 0 €), 1 €, supérieur)\n";
    assert_eq!(fmt(french), french);
    // Other spellings to the canonical ones; the directions by their keyword.
    let english = "agreement \"T\"\nminimum salary: highest of(round(a, 0.50, down), if a >= 1 and b != 2 or not c < 3 then a otherwise round(b, 1 €, nearest))\n";
    assert_eq!(
        fmt(english),
        "agreement \"T\"\nminimum salary: max(round(a, 0.50, down), if a ≥ 1 and b ≠ 2 or not c < 3 then a otherwise round(b, 1 €, nearest))\n"
    );
    let up = "salaire minimum : arrondi(a, 1 €, superieur) + le moins eleve de(a, b)\n";
    assert_eq!(
        fmt(up),
        "salaire minimum : arrondi(a, 1 €, supérieur) + min(a, b)\n"
    );
}

#[test]
fn numbers_durations_and_strings_as_written() {
    let text = "\
parametre smcc \"Le \\\"SMCC\\\" \\\\ note\" : montant
  1500.00 EUR depuis le 2008-05-29
parametre essai : duree
  1 semaine depuis 2000-01-01
  2 semaines depuis 2001-01-01
  3 annees depuis 2002-01-01
";
    let expected = "\
paramètre smcc \"Le \\\"SMCC\\\" \\\\ note\" : montant
  1500.00 € depuis 2008-05-29
paramètre essai : durée
  1 semaine depuis 2000-01-01
  2 semaines depuis 2001-01-01
  3 ans depuis 2002-01-01
";
    assert_eq!(fmt(text), expected);
}

#[test]
fn french_keywords_take_their_canonical_spelling() {
    let text = "classement plancher metier case vide : tranche precedente \
                plancher coefficient anterieur hors grille : niveau superieur \
                coefficient transitoire 120 : au plus 6 mois depuis le 2020-01-01 \
                le plus eleve l’emporte\n\
                periode d'essai categorie tam : 2 mois, renouvellement 1 mois des le coefficient 200\n";
    let expected = "\
classement
  plancher métier
    case vide : tranche précédente
  plancher coefficient antérieur
    hors grille : niveau supérieur
  coefficient transitoire 120 : au plus 6 mois depuis 2020-01-01
  le plus élevé l'emporte
période d'essai
  catégorie tam : 2 mois, renouvellement 1 mois dès le coefficient 200
";
    assert_eq!(fmt(text), expected);
}

#[test]
fn an_english_file_stays_english() {
    let text = "\
agreement \"Test\" date 2002-06-20
table index : integer by coefficient
  from 2020-01-01
    120 : 400
category employes \"Employees\"
  level 1 : coefficients 120 to 140
    minimum round(index[coefficient] * 4.105 EUR)
experience short
  band beginner : from 0 to 6 months
  band experienced : from 6 months
job adviser \"Adviser\"
  aliases \"Advisor\"
  entry diploma bac to bac+2
  experience: short
  beginner : level 1
  experienced : blank
classification floor job blank cell: no floor highest wins
status cadre if level >= 2 non-cadre otherwise
working time reference hours: 151.67
minimum salary: round(minimum * hours / 151.67)
";
    let expected = "\
agreement \"Test\"
  date 2002-06-20
table index : integer by coefficient
  from 2020-01-01
    120 : 400
category employes \"Employees\"
  level 1 : coefficients 120 to 140, minimum round(index[coefficient] × 4.105 €)
experience short
  band beginner : from 0 to 6 months
  band experienced : from 6 months
job adviser \"Adviser\"
  aliases \"Advisor\"
  entry diploma bac to bac+2
  experience: short
  beginner : level 1
  experienced : blank
classification
  floor job
    blank cell: no floor
  highest wins
status
  cadre if level ≥ 2
  non-cadre otherwise
working time
  reference hours: 151.67
minimum salary: round(minimum × hours / 151.67)
";
    assert_eq!(fmt(text), expected);
}

#[test]
fn a_mixed_file_takes_the_language_of_its_first_keyword() {
    let text = "job adviser \"Adviser\"\n  piste : 120\nmétier agent \"Agent\"\n  piste : 130\n";
    assert_eq!(
        fmt(text),
        "job adviser \"Adviser\"\n  piste : 120\njob agent \"Agent\"\n  piste : 130\n"
    );
}

#[test]
fn empty_and_comment_only_files() {
    assert_eq!(fmt(""), "");
    assert_eq!(fmt("\n\n"), "");
    assert_eq!(
        fmt("  # only a note\n\n# and another"),
        "# only a note\n\n# and another\n"
    );
}

#[test]
fn quotes_and_readings_stand_under_their_source_one_string_a_line() {
    let input = "paramètre smcc : montant\n  source \"A, note 8\"   citation \"pour 151,67 heures\"\n      lecture \"un montant daté ;\"\n \"une ligne par revalorisation\"   # why\n  1500.00 € depuis 2008-05-29\n";
    let expected = "paramètre smcc : montant\n  source \"A, note 8\"\n  citation \"pour 151,67 heures\"\n  lecture \"un montant daté ;\"\n    \"une ligne par revalorisation\"   # why\n  1500.00 € depuis 2008-05-29\n";
    assert_eq!(fmt(input), expected);
    let english = "parameter smcc : amount\n  source \"A\" reading \"a dated amount\" quote \"151.67 hours\"\n  1500.00 € from 2008-05-29\n";
    assert_eq!(
        fmt(english),
        "parameter smcc : amount\n  source \"A\"\n  reading \"a dated amount\"\n  quote \"151.67 hours\"\n  1500.00 € from 2008-05-29\n"
    );
    // Nested under a level: at the level's source's indentation.
    let nested = "catégorie e \"E\"\n  niveau 1 : coefficients 120 à 140\n    source \"I\" lecture \"a\" \"b\"\n";
    assert_eq!(
        fmt(nested),
        "catégorie e \"E\"\n  niveau 1 : coefficients 120 à 140\n    source \"I\"\n    lecture \"a\"\n      \"b\"\n"
    );
}

#[test]
fn a_status_keeps_its_name_for_people() {
    let text = "statut\n  assimile-cadre   \"Assimilé cadre\" si coefficient ≥ 200\n  non-cadre \"Non-cadre\"   sinon   # le reste\n";
    assert_eq!(
        fmt(text),
        "statut\n  assimile-cadre \"Assimilé cadre\" si coefficient ≥ 200\n  non-cadre \"Non-cadre\" sinon   # le reste\n"
    );
}

/// Random formulas with the functions and conditions of issue #22, written with
/// random extra parentheses: formatting keeps their meaning and is idempotent.
/// (A deterministic generator: a failure names the seed's formula.)
#[test]
fn random_formulas_with_functions_keep_their_meaning() {
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }
    fn expr(r: &mut Rng, depth: u32) -> String {
        let leaf = depth == 0 || r.below(3) == 0;
        let e = if leaf {
            match r.below(7) {
                0 => "a".to_string(),
                1 => "heures".to_string(),
                2 => "12.00 €/h".to_string(),
                3 => "25 %".to_string(),
                4 => "1500.50 €".to_string(),
                5 => "t[coefficient]".to_string(),
                _ => "3".to_string(),
            }
        } else {
            let d = depth - 1;
            match r.below(9) {
                0 => format!("{} + {}", expr(r, d), expr(r, d)),
                1 => format!("{} - {}", expr(r, d), expr(r, d)),
                2 => format!("{} × {}", expr(r, d), expr(r, d)),
                3 => format!("{} / {}", expr(r, d), expr(r, d)),
                4 => format!("-({})", expr(r, d)),
                5 => format!("max({}, {})", expr(r, d), expr(r, d)),
                6 => format!("arrondi({}, 1 €, supérieur)", expr(r, d)),
                7 => format!("mensuel({})", expr(r, d)),
                _ => format!(
                    "si {} alors {} sinon {}",
                    test(r, d),
                    expr(r, d),
                    expr(r, d)
                ),
            }
        };
        if r.below(4) == 0 {
            format!("({e})")
        } else {
            e
        }
    }
    fn test(r: &mut Rng, depth: u32) -> String {
        let d = depth.saturating_sub(1);
        match if depth == 0 { 4 } else { r.below(5) } {
            0 => format!("{} et {}", test(r, d), test(r, d)),
            1 => format!("{} ou {}", test(r, d), test(r, d)),
            2 => format!("non ({})", test(r, d)),
            3 => format!("({})", test(r, d)),
            _ => format!("{} ≥ {}", expr(r, d), expr(r, d)),
        }
    }
    let mut rng = Rng(22);
    for _ in 0..400 {
        let text = format!("salaire minimum : {}\n", expr(&mut rng, 4));
        let Ok(before) = parse(&text) else {
            panic!("the generator wrote what does not parse: {text}");
        };
        let once = fmt(&text);
        let after = parse(&once).unwrap_or_else(|d| panic!("{text}→{once}: {d:?}"));
        assert!(
            ignoring_spans(|| before.items == after.items),
            "{text} changed meaning: {once}"
        );
        assert_eq!(fmt(&once), once, "not idempotent on {text}");
    }
}
