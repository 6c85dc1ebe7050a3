//! The fields of the facts contract, in one table: their names, and the column
//! headers French payroll exports give them. The readers (JSON, the fast JSON
//! path, CSV) all index their values by [`Field`]: a new field is a variant, a
//! row of [`FIELDS`] and a member of [`super::Record`].

/// A field of the facts contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Id,
    Job,
    JobSince,
    PriorJobMonths,
    Diploma,
    PreviousSectorCoefficient,
    Missions,
    Moves,
    Hours,
    Salary,
    Coefficient,
    /// The position on a named grid (issue #22): `"ic 2.1"`, `"II.3"`.
    Position,
    PositionSince,
}

/// One row of the field table.
pub struct Spec {
    pub field: Field,
    /// The name in the contract (a JSON key, a CSV header).
    pub name: &'static str,
    /// Column headers payroll software writes for it, matched as job names are
    /// (case, accents, spaces and punctuation aside). Only headers that cannot
    /// mean another field: `Date d'entrée` alone is the date of hire in the
    /// company, not in the job, so it is not among them.
    pub headers: &'static [&'static str],
}

/// The fields, in the order of [`Field`].
pub const FIELDS: [Spec; 13] = [
    Spec {
        field: Field::Id,
        name: "id",
        headers: &[
            "Matricule",
            "N° matricule",
            "Numéro de matricule",
            "Matricule salarié",
            "Identifiant",
            "Code salarié",
        ],
    },
    Spec {
        field: Field::Job,
        name: "job",
        headers: &[
            "Emploi",
            "Emploi occupé",
            "Poste",
            "Poste occupé",
            "Intitulé du poste",
            "Intitulé de poste",
            "Intitulé de l'emploi",
            "Libellé emploi",
            "Libellé de l'emploi",
            "Libellé du poste",
            "Métier",
        ],
    },
    Spec {
        field: Field::JobSince,
        name: "job_since",
        headers: &[
            "Date d'entrée dans le poste",
            "Date d'entrée dans l'emploi",
            "Date d'entrée poste",
            "Date de prise de poste",
            "Date de prise de fonction",
            "Dans le poste depuis",
            "Dans l'emploi depuis",
        ],
    },
    Spec {
        field: Field::PriorJobMonths,
        name: "prior_job_months",
        headers: &[
            "Expérience antérieure (mois)",
            "Mois d'expérience antérieure",
            "Ancienneté antérieure dans l'emploi (mois)",
        ],
    },
    Spec {
        field: Field::Diploma,
        name: "diploma",
        headers: &[
            "Diplôme",
            "Diplôme le plus élevé",
            "Diplôme obtenu",
            "Niveau de diplôme",
        ],
    },
    Spec {
        field: Field::PreviousSectorCoefficient,
        name: "previous_sector_coefficient",
        headers: &[
            "Coefficient secteur précédent",
            "Coefficient dans le secteur précédent",
        ],
    },
    Spec {
        field: Field::Missions,
        name: "missions",
        headers: &[],
    },
    Spec {
        field: Field::Moves,
        name: "moves",
        headers: &[],
    },
    Spec {
        field: Field::Hours,
        name: "hours",
        headers: &[
            "Horaire mensuel",
            "Horaire",
            "Heures mensuelles",
            "Nombre d'heures mensuelles",
            "Heures contractuelles",
        ],
    },
    Spec {
        field: Field::Salary,
        name: "salary",
        headers: &[
            "Salaire de base",
            "Salaire de base mensuel",
            "Salaire mensuel de base",
            "Salaire brut de base",
            "Salaire brut mensuel",
            "Salaire mensuel brut",
        ],
    },
    Spec {
        field: Field::Coefficient,
        name: "coefficient",
        headers: &["Coefficient", "Coef", "Coefficient appliqué"],
    },
    Spec {
        field: Field::Position,
        name: "position",
        headers: &["Position", "Position conventionnelle", "Niveau et échelon"],
    },
    Spec {
        field: Field::PositionSince,
        name: "position_since",
        headers: &["Date de la position", "Position depuis"],
    },
];

/// How many fields the contract has.
pub const COUNT: usize = FIELDS.len();

/// The fields' names, in the order of [`Field`]; anything else in a record is
/// ignored and named once in a warning.
pub const KNOWN_FIELDS: [&str; COUNT] = {
    let mut names = [""; COUNT];
    let mut i = 0;
    while i < COUNT {
        names[i] = FIELDS[i].name;
        i += 1;
    }
    names
};

impl Field {
    /// Where the field stands in [`FIELDS`] and in arrays indexed like it.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The field's name in the contract.
    pub fn name(self) -> &'static str {
        FIELDS[self.index()].name
    }

    /// The field a contract name designates (`job_since`), exactly.
    pub fn from_name(name: &str) -> Option<Field> {
        FIELDS.iter().find(|f| f.name == name).map(|f| f.field)
    }

    /// Whether a CSV row can carry it (missions and moves are lists: JSON only).
    pub fn in_csv(self) -> bool {
        !matches!(self, Field::Missions | Field::Moves)
    }
}

/// The form under which column headers are compared: as job names are
/// ([`crate::names::normalize`]), and without punctuation (`N°`, `Coef.`, `(mois)`).
pub fn header_key(header: &str) -> String {
    crate::names::normalize(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The field a column header designates: its contract name, or a usual payroll header.
pub fn header_field(header: &str) -> Option<Field> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    FIELDS.iter().map(|f| f.field).find(|field| {
        let spec = &FIELDS[field.index()];
        header_key(spec.name) == key || spec.headers.iter().any(|h| header_key(h) == key)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_the_fields() {
        for (i, spec) in FIELDS.iter().enumerate() {
            assert_eq!(spec.field.index(), i, "{}", spec.name);
            assert_eq!(Field::from_name(spec.name), Some(spec.field));
        }
    }

    #[test]
    fn no_header_designates_two_fields() {
        for spec in &FIELDS {
            for header in spec.headers.iter().chain([&spec.name]) {
                assert_eq!(header_field(header), Some(spec.field), "{header}");
            }
        }
    }

    #[test]
    fn headers_are_matched_as_people_write_them() {
        for (header, field) in [
            ("MATRICULE", Field::Id),
            ("n° Matricule", Field::Id),
            ("Intitule du poste", Field::Job),
            ("DATE D’ENTREE DANS LE POSTE", Field::JobSince),
            ("Coef.", Field::Coefficient),
            ("horaire  mensuel", Field::Hours),
            ("Job Since", Field::JobSince),
            ("salaire_de_base", Field::Salary),
        ] {
            assert_eq!(header_field(header), Some(field), "{header}");
        }
        for header in ["Date d'entrée", "Nom", "Prénom", "Salaire", "", "  "] {
            assert_eq!(header_field(header), None, "{header}");
        }
    }
}
