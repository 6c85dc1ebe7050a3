//! Reading CSV rows into records: the header's columns, then each row's cells.

use super::*;

impl Reader {
    /// The columns of a CSV header, without empty ones at the end, and the field
    /// each holds (see [`columns::place`]).
    pub(super) fn csv_columns(
        &mut self,
        header: &[String],
        map: &ColumnMap,
    ) -> Result<Columns, ReadError> {
        let mut names: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
        while names.last().is_some_and(String::is_empty) {
            names.pop();
        }
        let (at, mut declared) = columns::place(&names, map, &self.declared, self.delimiter)?;
        // The facts `--columns` names: another column of the same name is not read.
        let named = declared.clone();
        let mut criteria = Vec::new();
        for (i, c) in names.iter().enumerate() {
            if at.contains(&Some(i)) || named.contains(&Some(i)) || c.is_empty() {
                continue;
            }
            let slot = self.declared.column_slot(c);
            if let Some(slot) = slot.filter(|s| named[*s].is_none()) {
                if let Some(first) = declared[slot].replace(i) {
                    let field = &self.declared.fields()[slot].field;
                    return Err(ReadError::new(
                        format!(
                            "les colonnes `{}` et `{c}` donnent toutes deux le fait déclaré `{field}` : gardez-en une",
                            names[first]
                        ),
                        format!(
                            "the columns `{}` and `{c}` both give the declared field `{field}`: keep one",
                            names[first]
                        ),
                    ));
                }
                continue;
            }
            // `criteria.connaissances`: one column per criterion (issue #22).
            if let Some(name) = c.strip_prefix("criteria.").filter(|n| !n.is_empty()) {
                criteria.push((i, name.to_string()));
                continue;
            }
            if [Field::Missions, Field::Moves]
                .iter()
                .any(|f| header_field(c) == Some(*f))
            {
                let column = c.clone();
                self.warnings.push(Warning::CsvCannotCarry { column });
            } else {
                self.unknown_fields.insert(c.clone());
            }
        }
        Ok(Columns {
            names,
            at,
            declared,
            criteria,
        })
    }

    /// One CSV row: its fields must all be UTF-8 text (`utf8_asked`: by the
    /// user or a byte-order mark, not told by the file).
    pub(super) fn csv_row(
        &mut self,
        columns: &Columns,
        row: &csv_rows::Row,
        utf8_asked: bool,
    ) -> Result<Record, Rejection> {
        let position = Position::Line(row.line);
        let text = Utf8Row::new(row).map_err(|field| {
            let field = field + 1;
            let reason = Reason::NotUtf8Field { field, utf8_asked };
            Rejection::new(position, None, None, reason)
        })?;
        self.csv_record(columns, &text, position)
    }

    pub(super) fn csv_record(
        &mut self,
        columns: &Columns,
        row: &Utf8Row,
        position: Position,
    ) -> Result<Record, Rejection> {
        self.csv_width(columns.names.len(), row, position)?;
        let cell = |field: Field| -> Option<&str> {
            columns.at[field.index()]
                .and_then(|i| row.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let Some(id) = cell(Field::Id) else {
            return Err(Rejection::new(
                position,
                None,
                Some("id"),
                Reason::IdMissing,
            ));
        };
        let at = Place {
            position,
            id: Some(id),
        };
        let declared = if self.declared.is_empty() {
            None
        } else {
            let cell = |slot: usize| {
                columns.declared[slot]
                    .and_then(|i| row.get(i))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
            };
            self.declared.read_csv(cell, &at)?
        };
        let placed = crate::facts::Placed::given(
            cell(Field::Position).map(str::to_string),
            cell(Field::PositionSince)
                .map(|v| at.csv_date(v, "position_since"))
                .transpose()?,
        );
        let (job, job_since) = crate::facts::placed_job(
            &at,
            placed.as_ref(),
            cell(Field::Job).map(str::to_string),
            cell(Field::JobSince)
                .map(|v| at.csv_date(v, "job_since"))
                .transpose()?,
        )?;
        let criteria = csv_criteria(columns, row, &at)?;
        Ok(Record {
            extra: super::ExtraFacts::given(declared, placed, criteria),
            position,
            id: id.to_string(),
            job,
            job_since,
            prior_job_months: cell(Field::PriorJobMonths)
                .map(|v| at.integer_text(v, "prior_job_months"))
                .transpose()?
                .unwrap_or(0),
            diploma: cell(Field::Diploma).map(str::to_string),
            previous_sector_coefficient: cell(Field::PreviousSectorCoefficient)
                .map(|v| at.integer_text(v, "previous_sector_coefficient"))
                .transpose()?,
            missions: Vec::new(),
            moves: Vec::new(),
            hours: cell(Field::Hours)
                .map(|v| at.csv_decimal(v, "hours", false))
                .transpose()?,
            salary: cell(Field::Salary)
                .map(|v| at.salary(at.csv_decimal(v, "salary", true)?, v))
                .transpose()?,
            coefficient: cell(Field::Coefficient)
                .map(|v| at.integer_text(v, "coefficient"))
                .transpose()?,
            // CSV carries no history: a replay reads it from JSON.
            history: None,
        })
    }
}

/// The degrees of a row's `criteria.NAME` columns; an empty cell gives none.
#[inline]
fn csv_criteria(
    columns: &Columns,
    row: &Utf8Row,
    at: &Place,
) -> Result<Option<super::Degrees>, Rejection> {
    if columns.criteria.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(columns.criteria.len());
    for (i, name) in &columns.criteria {
        let Some(cell) = row.get(*i).map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        let degree = at.integer_text(cell, &format!("criteria.{name}"))?;
        out.push((name.clone(), degree));
    }
    Ok((!out.is_empty()).then(|| out.into_boxed_slice()))
}

/// The columns of a CSV header, and where each field of the contract stands in them.
pub(super) struct Columns {
    pub(super) names: Vec<String>,
    /// Indexed like [`FIELDS`].
    at: columns::Placed,
    /// The column of each declared fact, by slot.
    declared: Vec<Option<usize>>,
    /// The `criteria.NAME` columns: their index and the criterion's name.
    criteria: Vec<(usize, String)>,
}

/// A CSV row whose fields are all UTF-8 text.
pub(super) struct Utf8Row<'a> {
    row: &'a csv_rows::Row,
    /// The fields' bytes end to end, each field on character boundaries.
    text: &'a str,
}

impl<'a> Utf8Row<'a> {
    /// The row, or the index of its first field that is not UTF-8.
    #[inline]
    fn new(row: &'a csv_rows::Row) -> Result<Self, usize> {
        // Checked whole, then each field's ends: a field is UTF-8 exactly when both hold.
        if let Ok(text) = std::str::from_utf8(row.as_slice()) {
            let fields = Utf8Row { row, text };
            if (0..row.len()).all(|i| fields.get(i).is_some()) {
                return Ok(fields);
            }
        }
        let bad = (0..row.len())
            .position(|i| row.field(i).is_none_or(|f| std::str::from_utf8(f).is_err()));
        Err(bad.unwrap_or(0))
    }

    #[inline]
    fn get(&self, i: usize) -> Option<&'a str> {
        self.text.get(self.row.range(i)?)
    }

    #[inline]
    fn len(&self) -> usize {
        self.row.len()
    }
}

impl Reader {
    /// A row shorter than the header is refused; one longer only with empty cells past it.
    pub(super) fn csv_width(
        &self,
        width: usize,
        row: &Utf8Row,
        position: Position,
    ) -> Result<(), Rejection> {
        let id = row.get(0).map(str::trim).filter(|v| !v.is_empty());
        if row.len() < width {
            let reason = Reason::RowTooShort {
                fields: row.len(),
                width,
            };
            return Err(Rejection::new(position, id, None, reason));
        }
        let mut extra = (width..row.len()).filter_map(|i| Some((i, row.get(i)?)));
        if let Some((i, value)) = extra.find(|(_, v)| !v.trim().is_empty()) {
            let reason = Reason::ValuePastHeader {
                column: i + 1,
                value: value.to_string(),
                width,
                comma: self.delimiter == b',' && value.trim().bytes().all(|b| b.is_ascii_digit()),
            };
            return Err(Rejection::new(position, id, None, reason));
        }
        Ok(())
    }
}
