//! Which column of a CSV header holds which field: told by `--columns`
//! ([`ColumnMap`]), else by the header itself, in the contract's names or the
//! usual payroll ones ([`super::fields`]). Nothing is guessed: a required field
//! without a column, or two columns for one field, refuses the file saying which.

use super::fields::{header_field, header_key, Field, COUNT, FIELDS};
use super::{short, ReadError};
use crate::catalogue::Lang;

/// Columns named for fields, as `--columns id=Matricule,job=Emploi` gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap(Vec<(Field, String)>);

impl ColumnMap {
    /// `field=Column` pairs separated by commas (`id=Matricule,job=Emploi`).
    pub fn parse(text: &str) -> Result<ColumnMap, String> {
        Self::pairs(text.split(',').map(|pair| (pair, None)))
    }

    /// A mapping file: a `field = Column` pair per line; blank lines and lines
    /// starting with `#` are skipped. Errors give the line.
    pub fn parse_file(text: &str) -> Result<ColumnMap, String> {
        let lines = text.lines().enumerate().map(|(i, l)| (l, Some(i + 1)));
        Self::pairs(lines.filter(|(l, _)| !l.trim().is_empty() && !l.trim().starts_with('#')))
    }

    fn pairs<'t>(
        pairs: impl Iterator<Item = (&'t str, Option<usize>)>,
    ) -> Result<ColumnMap, String> {
        let mut map = ColumnMap::default();
        for (pair, line) in pairs {
            let at = line.map(|n| format!("line {n}: ")).unwrap_or_default();
            let Some((name, column)) = pair.split_once('=') else {
                return Err(format!(
                    "{at}`{}`: write FIELD=COLUMN, e.g. id=Matricule",
                    short(pair.trim())
                ));
            };
            let (name, column) = (name.trim(), unquote(column.trim()));
            let field = Field::from_name(name).ok_or_else(|| {
                let names: Vec<&str> = FIELDS
                    .iter()
                    .filter(|f| f.field.in_csv())
                    .map(|f| f.name)
                    .collect();
                format!(
                    "{at}`{}` is not a field of the facts; the fields a CSV column can hold: {}",
                    short(name),
                    names.join(", ")
                )
            })?;
            if !field.in_csv() {
                return Err(format!(
                    "{at}`{name}` is a list: CSV cannot carry it (use JSON)"
                ));
            }
            if column.is_empty() {
                return Err(format!("{at}`{name}=`: the column's name is missing"));
            }
            if map.0.iter().any(|(f, _)| *f == field) {
                return Err(format!("{at}`{name}` is given two columns"));
            }
            map.0.push((field, column.to_string()));
        }
        Ok(map)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `"Date d'entrée"` as `Date d'entrée`: a shell or a file may keep the quotes.
fn unquote(text: &str) -> &str {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
}

/// Where each field stands in the header's columns, indexed like [`FIELDS`].
pub(super) type Placed = [Option<usize>; COUNT];

/// The header's columns for each field. `delimiter` joins the header when an
/// error quotes it.
pub(super) fn place(
    columns: &[String],
    map: &ColumnMap,
    delimiter: u8,
) -> Result<Placed, ReadError> {
    let mut at: Placed = [None; COUNT];
    let header = |lang: Lang| {
        let joined = columns.join(&char::from(delimiter).to_string());
        let separator = char::from(delimiter).escape_default().to_string();
        match lang {
            Lang::Fr => format!("en-tête : {} ; séparateur `{separator}`", short(&joined)),
            Lang::En => format!("header: {}; separator `{separator}`", short(&joined)),
        }
    };
    for (field, wanted) in &map.0 {
        let key = header_key(wanted);
        let mut found = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.as_str() == wanted || header_key(c) == key);
        let Some((first, _)) = found.next() else {
            return Err(ReadError::new(
                format!(
                    "--columns {}={wanted} : l'en-tête CSV n'a pas de colonne `{}` ({})",
                    field.name(),
                    short(wanted),
                    header(Lang::Fr)
                ),
                format!(
                    "--columns {}={wanted}: the CSV header has no column `{}` ({})",
                    field.name(),
                    short(wanted),
                    header(Lang::En)
                ),
            ));
        };
        if let Some((second, _)) = found.next() {
            return Err(ReadError::new(
                format!(
                    "--columns {}={wanted} : les colonnes {} et {} portent toutes deux ce nom ; \
                     renommez-en une",
                    field.name(),
                    first + 1,
                    second + 1
                ),
                format!(
                    "--columns {}={wanted}: columns {} and {} are both named so; rename one",
                    field.name(),
                    first + 1,
                    second + 1
                ),
            ));
        }
        at[field.index()] = Some(first);
    }
    let claimed: Vec<usize> = at.iter().flatten().copied().collect();
    for spec in &FIELDS {
        if at[spec.field.index()].is_some() {
            continue;
        }
        let mut found = columns
            .iter()
            .enumerate()
            .filter(|(i, c)| !claimed.contains(i) && header_field(c) == Some(spec.field));
        let first = found.next();
        // Which of two columns would be read is a guess: refused.
        if let (Some((i, a)), Some((j, b))) = (first, found.next()) {
            let (fr_named, named) = if a == b {
                (String::new(), String::new())
            } else {
                (
                    format!(" en `{}` et `{}`", short(a), short(b)),
                    format!(" as `{}` and `{}`", short(a), short(b)),
                )
            };
            return Err(ReadError::new(
                format!(
                    "l'en-tête CSV nomme `{}` deux fois (colonnes {} et {}){fr_named} : on ne \
                     peut pas savoir laquelle le contient ; renommez ou retirez-en une, ou dites \
                     laquelle avec --columns {}=COLONNE",
                    spec.name,
                    i + 1,
                    j + 1,
                    spec.name
                ),
                format!(
                    "the CSV header names `{}` twice (columns {} and {}){named}: which one holds \
                     it cannot be told; rename or remove one, or say which with --columns {}=COLUMN",
                    spec.name,
                    i + 1,
                    j + 1,
                    spec.name
                ),
            ));
        }
        at[spec.field.index()] = first.map(|(i, _)| i);
    }
    for required in [Field::Id, Field::Job, Field::JobSince] {
        if at[required.index()].is_none() {
            let (fr_hint, hint) = missing_hint(required, columns);
            return Err(ReadError::new(
                format!(
                    "l'en-tête CSV n'a pas de colonne `{}` ({}){fr_hint}",
                    required.name(),
                    header(Lang::Fr),
                ),
                format!(
                    "the CSV header has no `{}` column ({}){hint}",
                    required.name(),
                    header(Lang::En),
                ),
            ));
        }
    }
    Ok(at)
}

/// What to do when a required field has no column.
/// In French, then in English.
fn missing_hint(field: Field, columns: &[String]) -> (String, String) {
    let hire = columns
        .iter()
        .find(|c| header_key(c) == header_key("Date d'entrée"));
    match (field, hire) {
        (Field::JobSince, Some(column)) => (
            format!(
                " : `{column}` est peut-être la date d'embauche dans l'entreprise, qui n'est pas \
                 toujours la date dans le poste ; si c'est la date dans le poste, dites-le avec \
                 --columns job_since=\"{column}\""
            ),
            format!(
                ": `{column}` may be the date of hire in the company, which is not always the \
                 date in the job; if it is the date in the job, say so with \
                 --columns job_since=\"{column}\""
            ),
        ),
        _ => {
            let usual = FIELDS[field.index()].headers.join(", ");
            (
                format!(
                    " : nommez la colonne qui le contient avec --columns {}=COLONNE (en-têtes \
                     usuels : {usual})",
                    field.name()
                ),
                format!(
                    ": name the column that holds it with --columns {}=COLUMN (usual headers: {usual})",
                    field.name()
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn a_french_header_is_read_without_a_flag() {
        let columns = header(&["Matricule", "Nom", "Emploi", "Date d'entrée dans le poste"]);
        let at = place(&columns, &ColumnMap::default(), b';').unwrap();
        assert_eq!(at[Field::Id.index()], Some(0));
        assert_eq!(at[Field::Job.index()], Some(2));
        assert_eq!(at[Field::JobSince.index()], Some(3));
        assert_eq!(at[Field::Salary.index()], None);
    }

    #[test]
    fn the_mapping_wins_and_names_what_is_missing() {
        let columns = header(&["Mat.", "Poste", "Date d'entrée", "Emploi"]);
        let error = place(&columns, &ColumnMap::default(), b';')
            .unwrap_err()
            .0
            .en;
        assert!(
            error.contains("names `job` twice (columns 2 and 4) as `Poste` and `Emploi`"),
            "{error}"
        );
        let error = place(&columns[..3], &ColumnMap::default(), b';')
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("no `id` column (header: Mat.;Poste;Date d'entrée"),
            "{error}"
        );
        let map = ColumnMap::parse("id=Mat.,job=Poste,job_since=\"Date d'entrée\"").unwrap();
        let at = place(&columns, &map, b';').unwrap();
        // `Emploi` would be the job too, but `Poste` was named for it.
        assert_eq!(at[..3], [Some(0), Some(1), Some(2)]);
        let map = ColumnMap::parse("id=Mat.,job=Poste").unwrap();
        let error = place(&columns, &map, b';').unwrap_err().0.en;
        assert!(
            error.contains("--columns job_since=\"Date d'entrée\""),
            "{error}"
        );
        let map = ColumnMap::parse("id=Numéro").unwrap();
        let error = place(&columns, &map, b';').unwrap_err().0.en;
        assert!(
            error.starts_with("--columns id=Numéro: the CSV header has no column"),
            "{error}"
        );
    }

    #[test]
    fn two_columns_for_one_field_are_refused() {
        let columns = header(&["id", "Matricule", "job", "job_since"]);
        let error = place(&columns, &ColumnMap::default(), b',')
            .unwrap_err()
            .0
            .en;
        assert!(
            error.contains("(columns 1 and 2) as `id` and `Matricule`"),
            "{error}"
        );
    }

    #[test]
    fn mappings_are_checked() {
        assert_eq!(
            ColumnMap::parse_file("# Sage\nid = Matricule\n\njob = \"Emploi\"\n").unwrap(),
            ColumnMap(vec![
                (Field::Id, "Matricule".into()),
                (Field::Job, "Emploi".into())
            ])
        );
        for (bad, says) in [
            ("jbo=Emploi", "`jbo` is not a field"),
            ("id", "write FIELD=COLUMN"),
            ("id=", "the column's name is missing"),
            ("missions=M", "is a list"),
            ("id=A,id=B", "two columns"),
        ] {
            let error = ColumnMap::parse(bad).unwrap_err();
            assert!(error.contains(says), "{bad}: {error}");
        }
        let error = ColumnMap::parse_file("id=A\njob\n").unwrap_err();
        assert!(error.starts_with("line 2: "), "{error}");
    }
}
