//! Which column of a CSV header holds which field: told by `--columns`
//! ([`ColumnMap`]), else by the header itself, in the contract's names or the
//! usual payroll ones ([`super::fields`]). Nothing is guessed: a required field
//! without a column, or two columns for one field, refuses the file saying which.

use super::fields::{header_field, header_key, Field, COUNT, FIELDS};
use super::{short, Declared, ReadError};
use crate::catalogue::{Lang, Said};

/// Columns named for fields, as `--columns id=Matricule,job=Emploi` gives them.
///
/// A name that is not a field of the contract may be one the rule set declares
/// (`born_on="Date de naissance"`): it is kept with its line, and checked against
/// the rule set's list when the header is placed, since the flag is
/// read before the rules are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    fields: Vec<(Field, String)>,
    others: Vec<Named>,
    /// The mapping file it was read from, for the errors found later.
    file: Option<String>,
}

/// A `--columns` pair whose name is not a field of the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Named {
    name: String,
    column: String,
    /// Its line in a mapping file.
    line: Option<usize>,
}

impl ColumnMap {
    /// `field=Column` pairs separated by commas (`id=Matricule,job=Emploi`).
    pub fn parse(text: &str) -> Result<ColumnMap, Said> {
        Self::pairs(text.split(',').map(|pair| (pair, None)))
    }

    /// A mapping file: a `field = Column` pair per line; blank lines and lines
    /// starting with `#` are skipped. Errors give the line.
    pub fn parse_file(text: &str) -> Result<ColumnMap, Said> {
        let lines = text.lines().enumerate().map(|(i, l)| (l, Some(i + 1)));
        Self::pairs(lines.filter(|(l, _)| !l.trim().is_empty() && !l.trim().starts_with('#')))
    }

    fn pairs<'t>(pairs: impl Iterator<Item = (&'t str, Option<usize>)>) -> Result<ColumnMap, Said> {
        let mut map = ColumnMap::default();
        for (pair, line) in pairs {
            let (at_fr, at) = match line {
                Some(n) => (format!("ligne {n} : "), format!("line {n}: ")),
                None => (String::new(), String::new()),
            };
            let said =
                |fr: String, en: String| Said::new(format!("{at_fr}{fr}"), format!("{at}{en}"));
            let Some((name, column)) = pair.split_once('=') else {
                let pair = short(pair.trim());
                return Err(said(
                    format!("`{pair}` : écrivez CHAMP=COLONNE, par exemple id=Matricule"),
                    format!("`{pair}`: write FIELD=COLUMN, e.g. id=Matricule"),
                ));
            };
            let (name, column) = (name.trim(), unquote(column.trim()));
            if name.is_empty() {
                let pair = short(pair.trim());
                return Err(said(
                    format!("`{pair}` : le nom du champ manque ; écrivez CHAMP=COLONNE, par exemple id=Matricule"),
                    format!("`{pair}`: the field's name is missing; write FIELD=COLUMN, e.g. id=Matricule"),
                ));
            }
            if column.is_empty() {
                return Err(said(
                    format!("`{name}=` : le nom de la colonne manque"),
                    format!("`{name}=`: the column's name is missing"),
                ));
            }
            let twice = || {
                said(
                    format!("`{name}` reçoit deux colonnes"),
                    format!("`{name}` is given two columns"),
                )
            };
            let Some(field) = Field::from_name(name) else {
                // Perhaps a field the rule set declares: checked when the header is placed.
                if map.others.iter().any(|n| n.name == name) {
                    return Err(twice());
                }
                let (name, column) = (name.to_string(), column.to_string());
                map.others.push(Named { name, column, line });
                continue;
            };
            if !field.in_csv() {
                return Err(said(
                    format!("`{name}` est une liste : le CSV ne peut la porter (utilisez JSON)"),
                    format!("`{name}` is a list: CSV cannot carry it (use JSON)"),
                ));
            }
            if map.fields.iter().any(|(f, _)| *f == field) {
                return Err(twice());
            }
            map.fields.push((field, column.to_string()));
        }
        Ok(map)
    }

    /// The mapping file's name, which errors found when the header is placed give.
    pub fn read_from(self, file: &str) -> ColumnMap {
        let file = Some(file.to_string());
        ColumnMap { file, ..self }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.others.is_empty()
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

/// The header's column of each declared fact the flag names, by slot.
pub(super) type PlacedDeclared = Vec<Option<usize>>;

/// The header's columns for each field, and for the declared facts `--columns`
/// names. `delimiter` joins the header when an error quotes it.
pub(super) fn place(
    columns: &[String],
    map: &ColumnMap,
    declared: &Declared,
    delimiter: u8,
) -> Result<(Placed, PlacedDeclared), ReadError> {
    let slots = map.declared_slots(declared)?;
    let mut at: Placed = [None; COUNT];
    let header = Header { columns, delimiter };
    for (field, wanted) in &map.fields {
        at[field.index()] = Some(header.find(field.name(), wanted)?);
    }
    let mut facts: PlacedDeclared = vec![None; declared.fields().len()];
    for (slot, named) in slots {
        facts[slot] = Some(header.find(&named.name, &named.column)?);
    }
    let claimed: Vec<usize> = at.iter().chain(&facts).flatten().copied().collect();
    for spec in &FIELDS {
        if at[spec.field.index()].is_some() {
            continue;
        }
        at[spec.field.index()] = header.column_of(spec, &claimed)?;
    }
    // A position stands in for the job, its date for the job's (rule sets classifying by position).
    let stands_in = |field: Field| at[field.index()].is_some();
    let required = [
        (Field::Id, false),
        (Field::Job, stands_in(Field::Position)),
        (Field::JobSince, stands_in(Field::PositionSince)),
    ];
    for (required, _) in required.into_iter().filter(|(_, stood_in)| !stood_in) {
        if at[required.index()].is_none() {
            let (fr_hint, hint) = missing_hint(required, columns);
            return Err(ReadError::new(
                format!(
                    "l'en-tête CSV n'a pas de colonne `{}` ({}){fr_hint}",
                    required.name(),
                    header.quoted(Lang::Fr),
                ),
                format!(
                    "the CSV header has no `{}` column ({}){hint}",
                    required.name(),
                    header.quoted(Lang::En),
                ),
            ));
        }
    }
    Ok((at, facts))
}

impl ColumnMap {
    /// The slot of each declared fact the flag names; a name neither the
    /// contract's nor the rule set's, or two for one fact, refuses the file.
    fn declared_slots(&self, declared: &Declared) -> Result<Vec<(usize, &Named)>, ReadError> {
        let mut slots: Vec<(usize, &Named)> = Vec::with_capacity(self.others.len());
        for named in &self.others {
            let slot = declared
                .slot(&named.name)
                .or_else(|| declared.column_slot(&named.name));
            let Some(slot) = slot else {
                return Err(unknown_field(named, self.file.as_deref(), declared));
            };
            if let Some((_, first)) = slots.iter().find(|(s, _)| *s == slot) {
                let field = &declared.fields()[slot].field;
                return Err(ReadError::new(
                    format!(
                        "--columns : `{}` et `{}` nomment tous deux le fait déclaré `{field}` : \
                         donnez-lui une seule colonne",
                        first.name, named.name
                    ),
                    format!(
                        "--columns: `{}` and `{}` both name the declared field `{field}`: give \
                         it one column",
                        first.name, named.name
                    ),
                ));
            }
            slots.push((slot, named));
        }
        Ok(slots)
    }
}

/// `--columns` names a field neither of the contract nor of the rule set: the
/// message lists both.
fn unknown_field(named: &Named, file: Option<&str>, declared: &Declared) -> ReadError {
    let contract: Vec<&str> = FIELDS
        .iter()
        .filter(|f| f.field.in_csv())
        .map(|f| f.name)
        .collect();
    let own: Vec<&str> = declared.fields().iter().map(|d| &*d.field).collect();
    let (fr_own, own) = match own.is_empty() {
        true => (
            " ; le jeu de règles n'en déclare aucun autre".to_string(),
            "; the rule set declares no other".to_string(),
        ),
        false => (
            format!(" ; déclarés par le jeu de règles : {}", own.join(", ")),
            format!("; declared by the rule set: {}", own.join(", ")),
        ),
    };
    let file = file.map(|f| format!(" {f}")).unwrap_or_default();
    let (fr_at, at) = match named.line {
        Some(n) => (format!("{file}, ligne {n}"), format!("{file}, line {n}")),
        None => (file.clone(), file),
    };
    let name = short(&named.name);
    ReadError::new(
        format!(
            "--columns{fr_at} : `{name}` n'est pas un champ des faits ; les champs qu'une \
             colonne CSV peut porter : {}{fr_own}",
            contract.join(", ")
        ),
        format!(
            "--columns{at}: `{name}` is not a field of the facts; the fields a CSV column can \
             hold: {}{own}",
            contract.join(", ")
        ),
    )
}

/// A CSV header, to find columns in and to quote in errors.
struct Header<'h> {
    columns: &'h [String],
    delimiter: u8,
}

impl Header<'_> {
    /// `en-tête : id;job ; séparateur `;``, to end an error with.
    fn quoted(&self, lang: Lang) -> String {
        let joined = self.columns.join(&char::from(self.delimiter).to_string());
        let separator = char::from(self.delimiter).escape_default().to_string();
        match lang {
            Lang::Fr => format!("en-tête : {} ; séparateur `{separator}`", short(&joined)),
            Lang::En => format!("header: {}; separator `{separator}`", short(&joined)),
        }
    }

    /// The one column `--columns NAME=WANTED` designates.
    fn find(&self, name: &str, wanted: &str) -> Result<usize, ReadError> {
        let key = header_key(wanted);
        let mut found = self
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.as_str() == wanted || header_key(c) == key);
        let Some((first, _)) = found.next() else {
            return Err(ReadError::new(
                format!(
                    "--columns {name}={wanted} : l'en-tête CSV n'a pas de colonne `{}` ({})",
                    short(wanted),
                    self.quoted(Lang::Fr)
                ),
                format!(
                    "--columns {name}={wanted}: the CSV header has no column `{}` ({})",
                    short(wanted),
                    self.quoted(Lang::En)
                ),
            ));
        };
        if let Some((second, _)) = found.next() {
            return Err(ReadError::new(
                format!(
                    "--columns {name}={wanted} : les colonnes {} et {} portent toutes deux ce nom ; \
                     renommez-en une",
                    first + 1,
                    second + 1
                ),
                format!(
                    "--columns {name}={wanted}: columns {} and {} are both named so; rename one",
                    first + 1,
                    second + 1
                ),
            ));
        }
        Ok(first)
    }

    /// The column whose header names the field, among those not `claimed`.
    fn column_of(
        &self,
        spec: &super::fields::Spec,
        claimed: &[usize],
    ) -> Result<Option<usize>, ReadError> {
        let mut found = self
            .columns
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
        Ok(first.map(|(i, _)| i))
    }
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

    fn none() -> Declared {
        Declared::default()
    }

    /// A rule set's declared facts: a date of birth and a yes-no.
    fn born_on() -> Declared {
        use super::super::{DeclaredField, FactKind};
        let field = |name: &str, kind| DeclaredField {
            field: name.into(),
            kind,
        };
        Declared::new(vec![
            field("born_on", FactKind::Date),
            field("thirteenth_month", FactKind::YesNo),
        ])
    }

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn a_french_header_is_read_without_a_flag() {
        let columns = header(&["Matricule", "Nom", "Emploi", "Date d'entrée dans le poste"]);
        let at = place(&columns, &ColumnMap::default(), &none(), b';')
            .unwrap()
            .0;
        assert_eq!(at[Field::Id.index()], Some(0));
        assert_eq!(at[Field::Job.index()], Some(2));
        assert_eq!(at[Field::JobSince.index()], Some(3));
        assert_eq!(at[Field::Salary.index()], None);
    }

    #[test]
    fn the_mapping_wins_and_names_what_is_missing() {
        let columns = header(&["Mat.", "Poste", "Date d'entrée", "Emploi"]);
        let error = place(&columns, &ColumnMap::default(), &none(), b';')
            .unwrap_err()
            .0
            .en;
        assert!(
            error.contains("names `job` twice (columns 2 and 4) as `Poste` and `Emploi`"),
            "{error}"
        );
        let error = place(&columns[..3], &ColumnMap::default(), &none(), b';')
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("no `id` column (header: Mat.;Poste;Date d'entrée"),
            "{error}"
        );
        let map = ColumnMap::parse("id=Mat.,job=Poste,job_since=\"Date d'entrée\"").unwrap();
        let at = place(&columns, &map, &none(), b';').unwrap().0;
        // `Emploi` would be the job too, but `Poste` was named for it.
        assert_eq!(at[..3], [Some(0), Some(1), Some(2)]);
        let map = ColumnMap::parse("id=Mat.,job=Poste").unwrap();
        let error = place(&columns, &map, &none(), b';').unwrap_err().0.en;
        assert!(
            error.contains("--columns job_since=\"Date d'entrée\""),
            "{error}"
        );
        let map = ColumnMap::parse("id=Numéro").unwrap();
        let error = place(&columns, &map, &none(), b';').unwrap_err().0.en;
        assert!(
            error.starts_with("--columns id=Numéro: the CSV header has no column"),
            "{error}"
        );
    }

    #[test]
    fn two_columns_for_one_field_are_refused() {
        let columns = header(&["id", "Matricule", "job", "job_since"]);
        let error = place(&columns, &ColumnMap::default(), &none(), b',')
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
            ColumnMap {
                fields: vec![
                    (Field::Id, "Matricule".into()),
                    (Field::Job, "Emploi".into())
                ],
                ..ColumnMap::default()
            }
        );
        for (bad, says) in [
            ("=Emploi", "the field's name is missing"),
            ("jbo=A,jbo=B", "two columns"),
            ("id", "write FIELD=COLUMN"),
            ("id=", "the column's name is missing"),
            ("missions=M", "is a list"),
            ("id=A,id=B", "two columns"),
        ] {
            let error = ColumnMap::parse(bad).unwrap_err();
            assert!(error.en.contains(says), "{bad}: {}", error.en);
        }
        let error = ColumnMap::parse_file("id=A\njob\n").unwrap_err();
        assert!(error.en.starts_with("line 2: "), "{}", error.en);
        assert!(error.fr.starts_with("ligne 2 : "), "{}", error.fr);
    }

    #[test]
    fn declared_fields_are_named_by_the_flag() {
        let columns = header(&[
            "Matricule",
            "Emploi",
            "Date d'entrée dans le poste",
            "Né le",
        ]);
        let map = ColumnMap::parse("born_on=\"Né le\"").unwrap();
        let (at, facts) = place(&columns, &map, &born_on(), b';').unwrap();
        assert_eq!(at[Field::Id.index()], Some(0));
        assert_eq!(facts, [Some(3), None]);
        // Matched as column headers are: case and accents aside.
        let map = ColumnMap::parse_file("BORN_ON = ne le\n").unwrap();
        let (_, facts) = place(&columns, &map, &born_on(), b';').unwrap();
        assert_eq!(facts, [Some(3), None]);
    }

    #[test]
    fn declared_fields_unknown_twice_or_without_a_column_are_refused() {
        let columns = header(&[
            "Matricule",
            "Emploi",
            "Date d'entrée dans le poste",
            "Né le",
        ]);
        let refused = |map: &str, declared: &Declared| {
            let map = ColumnMap::parse(map).unwrap();
            place(&columns, &map, declared, b';').unwrap_err().0
        };
        let error = refused("jbo=Emploi", &born_on());
        assert!(
            error
                .en
                .starts_with("--columns: `jbo` is not a field of the facts"),
            "{}",
            error.en
        );
        assert!(
            error.en.contains("hold: id, job, job_since,"),
            "{}",
            error.en
        );
        assert!(
            error
                .en
                .ends_with("; declared by the rule set: born_on, thirteenth_month"),
            "{}",
            error.en
        );
        assert!(
            error.fr.contains("déclarés par le jeu de règles : born_on"),
            "{}",
            error.fr
        );
        let error = refused("born_on=Né le", &none());
        assert!(
            error.en.ends_with("; the rule set declares no other"),
            "{}",
            error.en
        );
        let error = refused("born_on=Né le,Born_On=Matricule", &born_on());
        assert!(
            error
                .en
                .contains("`born_on` and `Born_On` both name the declared field `born_on`"),
            "{}",
            error.en
        );
        let error = refused("born_on=Naissance", &born_on());
        assert!(
            error.en.starts_with(
                "--columns born_on=Naissance: the CSV header has no column `Naissance`"
            ),
            "{}",
            error.en
        );
        let map = ColumnMap::parse_file("# Sage\nid = Matricule\nborn = Né le\n")
            .unwrap()
            .read_from("sage.txt");
        let error = place(&columns, &map, &born_on(), b';').unwrap_err().0.en;
        assert!(
            error.starts_with("--columns sage.txt, line 3: `born`"),
            "{error}"
        );
    }
}
