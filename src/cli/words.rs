//! The words of the CLI's own usage errors and notes (an unreadable file, a
//! date or a flag refused), French first, English second, said in the
//! command's language ([`super::lang`]). The library's errors carry their own
//! two languages; these are the thin layer's.

use grille::catalogue::{Lang, Said};

/// `said` in the command's language.
pub(super) fn say(said: Said) -> String {
    said.say(super::lang()).to_string()
}

/// What a file is, in French: `rule file` → `fichier de règles`.
fn what_fr(what: &str) -> &'static str {
    match what {
        "rule file" => "le fichier de règles",
        "facts file" => "le fichier des faits",
        "pay file" => "le fichier de paie",
        "mapping file" => "le fichier de correspondance",
        _ => "le fichier",
    }
}

/// A file that cannot be read, and why (the reason already in the command's language).
pub(super) fn cannot_read(what: &str, path: &str, reason: &str) -> String {
    say(Said::new(
        format!("impossible de lire {} `{path}` : {reason}", what_fr(what)),
        format!("cannot read the {what} `{path}`: {reason}"),
    ))
}

/// A rule file (or one it stands on) that cannot be read.
pub(super) fn rule_file_unreadable(path: &str, reason: &str) -> String {
    cannot_read("rule file", path, reason)
}

/// What the system says of a file that cannot be read or written (in
/// English, beyond the common kinds, the system's own words).
pub(super) fn io_reason(e: &std::io::Error) -> String {
    let (fr, en) = match e.kind() {
        std::io::ErrorKind::NotFound => ("fichier introuvable", "no such file"),
        std::io::ErrorKind::PermissionDenied => ("permission refusée", "permission denied"),
        std::io::ErrorKind::StorageFull if super::lang() == Lang::Fr => {
            return "plus de place sur le disque".to_string()
        }
        std::io::ErrorKind::IsADirectory if super::lang() == Lang::Fr => {
            return "c'est un dossier".to_string()
        }
        _ => return e.to_string(),
    };
    say(Said::new(fr, en))
}

/// An output that cannot be written: `what` is standard output
/// ([`super::console::STDOUT`]) or a file's name in backticks.
pub(super) fn cannot_write(what: &str, reason: &str) -> String {
    let fr_what = if what == super::console::STDOUT {
        "sur la sortie standard"
    } else {
        what
    };
    say(Said::new(
        format!("impossible d'écrire {fr_what} : {reason}"),
        format!("cannot write {what}: {reason}"),
    ))
}

/// A file that is not UTF-8 text, where it stops being so.
pub(super) fn not_utf8(path: &str, (line, column): (usize, usize), what: &str) -> String {
    say(Said::new(
        format!(
            "{path}:{line}:{column}: {} n'est pas du texte UTF-8 ; enregistrez-le en UTF-8 \
             (un export Windows-1252 ou Latin-1 doit d'abord être converti)",
            what_fr(what)
        ),
        format!(
            "{path}:{line}:{column}: the {what} is not UTF-8 text; save it as UTF-8 \
             (a Windows-1252 or Latin-1 export must be converted first)"
        ),
    ))
}

/// A facts file whose name does not tell its format.
pub(super) fn unknown_format(path: &str) -> String {
    say(Said::new(
        format!(
            "le nom de `{path}` ne dit pas son format : donnez --input-format json, jsonl ou csv"
        ),
        format!(
            "cannot tell the format of `{path}` from its name: use --input-format json, jsonl or csv"
        ),
    ))
}

/// A date flag's value that is no date.
pub(super) fn not_a_date(text: &str) -> String {
    say(Said::new(
        format!("`{text}` n'est pas une date écrite 2026-11-29 ou 29/11/2026 (jour/mois/année)"),
        format!("`{text}` is not a date written 2026-11-29 or 29/11/2026 (day/month/year)"),
    ))
}

/// `--set` without `=`.
pub(super) fn write_name_value(flag: &str, setting: &str) -> String {
    say(Said::new(
        format!("`{flag} {setting}` : écrivez NOM=VALEUR, par exemple {flag} smcc=1850.00"),
        format!("`{flag} {setting}`: write NAME=VALUE, e.g. {flag} smcc=1850.00"),
    ))
}

/// The note that a parameter is set for this run.
pub(super) fn set_for_this_run(file: &str, role: &str, name: &str, value: &str) -> String {
    let fr_role = role.replace("(proposal)", "(proposition)");
    say(Said::new(
        format!("{file}{fr_role} : {name} = {value} pour cette exécution"),
        format!("{file}{role}: {name} = {value} for this run"),
    ))
}

/// `--delimiter` refused.
pub(super) fn one_character() -> String {
    say(Said::new(
        "un seul caractère : `;`, `,`, `|` ou `tab`",
        "a single character: `;`, `,`, `|` or `tab`",
    ))
}

/// `--columns` neither pairs nor a file that can be read.
pub(super) fn columns_unreadable(text: &str, reason: &str) -> String {
    say(Said::new(
        format!(
            "`{text}` n'est ni des paires CHAMP=COLONNE (id=Matricule,job=Emploi) ni un fichier \
             de correspondance lisible ({reason})"
        ),
        format!(
            "`{text}` is neither FIELD=COLUMN pairs (id=Matricule,job=Emploi) nor a mapping \
             file that can be read ({reason})"
        ),
    ))
}

/// `GRILLE_THREADS` not a number of threads.
pub(super) fn threads(text: &str, most: usize, used: usize) -> String {
    say(Said::new(
        format!(
            "avertissement : GRILLE_THREADS=`{text}` n'est pas un nombre de fils de 1 à {most} : \
             nombre retenu {used}"
        ),
        format!(
            "warning: GRILLE_THREADS=`{text}` is not a number of threads from 1 to {most}: using {used}"
        ),
    ))
}

/// `--id` in no record of the facts, with the closest ids.
pub(super) fn no_employee(id: &str, facts: &str, close: &[&str]) -> String {
    let (fr_hint, hint) = match close {
        [] => (String::new(), String::new()),
        close => (
            format!(" ; les plus proches : {}", close.join(", ")),
            format!("; closest: {}", close.join(", ")),
        ),
    };
    say(Said::new(
        format!("aucun salarié de matricule `{id}` dans {facts}{fr_hint}"),
        format!("no employee with id `{id}` in {facts}{hint}"),
    ))
}

/// `grille sample`'s last line.
pub(super) fn sample_written(
    (employees, to): (u64, Option<&std::path::Path>),
    (format, seed, as_of): (&str, u64, chrono::NaiveDate),
    csv: bool,
) -> String {
    let (fr_to, en_to) = match to {
        Some(path) => (
            format!(" dans {}", path.display()),
            format!(" to {}", path.display()),
        ),
        None => (String::new(), String::new()),
    };
    let (fr_flat, en_flat) = match csv {
        true => (
            "; CSV : ni missions, ni changements de poste",
            "; CSV: no missions, no moves",
        ),
        false => ("", ""),
    };
    say(Said::new(
        format!(
            "{employees} salarié(s) écrit(s){fr_to} ({format}, graine {seed}, au {}{fr_flat})",
            grille::explain::locale::date(as_of, Lang::Fr)
        ),
        format!(
            "{employees} employees written{en_to} ({format}, seed {seed}, as of {as_of}{en_flat})"
        ),
    ))
}

/// `--output` naming one of the inputs.
pub(super) fn output_is_input(target: &str, (what, path): (&str, &str), stdin: bool) -> String {
    let (fr_stdin, stdin) = match stdin {
        true => (" (l'entrée standard)", " (standard input)"),
        false => ("", ""),
    };
    say(Said::new(
        format!(
            "--output `{target}` est {} `{path}`{fr_stdin} : l'écrire détruirait l'entrée ; \
             écrivez la sortie dans un autre fichier",
            what_fr(what)
        ),
        format!(
            "--output `{target}` is the {what} `{path}`{stdin}: writing it would destroy the input; \
             write the output to another file"
        ),
    ))
}

/// `--csv-fr` with a format other than CSV.
pub(super) fn csv_fr_needs_csv() -> String {
    say(Said::new(
        "--csv-fr écrit du CSV : il va avec --format csv (ou sans --format)",
        "--csv-fr writes CSV: it goes with --format csv (or no --format)",
    ))
}

/// A workbook asked for on a terminal.
pub(super) fn xlsx_needs_output() -> String {
    say(Said::new(
        "--format xlsx écrit un fichier : donnez --output FICHIER.xlsx",
        "--format xlsx writes a file: give --output FILE.xlsx",
    ))
}

/// The HTML dossier asked for without one `--id`.
pub(super) fn html_needs_one_id() -> String {
    say(Said::new(
        "--format html est le dossier d'un salarié : donnez un --id",
        "--format html is the dossier of one employee: give one --id",
    ))
}

/// `error:` before a usage error.
pub(super) fn error(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "erreur :",
        Lang::En => "error:",
    }
}
