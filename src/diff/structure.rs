//! The redline of two rule sets: what the proposal removes, adds and changes,
//! section by section. Things are matched by what names them in the language
//! (a parameter's name, a level's number, a band's id), never by their place in
//! the file, so reordering a file changes nothing here.

use super::written::{self as w, formula};
use super::{fields, jobs, keyed, lines, Detail, Entry, Redline, RulesInfo, Section};
use crate::model::*;
use crate::names::normalize;

/// Compares the base `a` with the proposal `b`.
pub fn compare(a: &RuleSet, b: &RuleSet) -> Redline {
    let (job_entries, job_note) = jobs::entries(a, b);
    let sections = [
        ("agreement", "Convention", agreement(a, b), None),
        ("parameters", "Paramètres", parameters(a, b), None),
        ("tables", "Barèmes", tables(a, b), None),
        ("grid", "Niveaux et coefficients", grid(a, b), None),
        ("diplomas", "Diplômes", diplomas(a, b), None),
        ("scales", "Échelles d'ancienneté", scales(a, b), None),
        ("jobs", "Métiers repères", job_entries, job_note),
        ("classification", "Classement", classification(a, b), None),
        ("status", "Statut", status(a, b), None),
        (
            "salary",
            "Temps de travail et salaire minimum",
            salary(a, b),
            None,
        ),
        ("missions", "Plafond des missions", missions(a, b), None),
        ("trial", "Période d'essai", trial(a, b), None),
        ("provisions", "Dispositions", provisions(a, b), None),
    ];
    Redline {
        base: RulesInfo::of(a),
        proposal: RulesInfo::of(b),
        sections: sections
            .into_iter()
            .filter(|(_, _, entries, _)| !entries.is_empty())
            .map(|(id, title, entries, note)| Section {
                id,
                title,
                entries,
                note,
            })
            .collect(),
        minima: None,
    }
}

fn agreement(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    let info = |r: &RuleSet| {
        let g = &r.agreement;
        let show = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
        [
            g.title.clone(),
            show(g.date.map(|d| d.to_string())),
            show(g.idcc.map(|i| i.to_string())),
            show(g.document.clone()),
        ]
    };
    let [ta, da, ia, xa] = info(a);
    let [tb, db, ib, xb] = info(b);
    let details = fields(vec![
        ("intitulé", ta, tb),
        ("date", da, db),
        ("idcc", ia, ib),
        ("texte", xa, xb),
    ]);
    Entry::changed("convention", details).into_iter().collect()
}

fn parameter_values(p: &Param) -> Vec<String> {
    p.values
        .iter()
        .map(|(day, v)| format!("{} {}", w::value(v, p.ty), w::since(*day)))
        .collect()
}

fn parameters(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    keyed(
        (a, &a.params),
        (b, &b.params),
        |_, p| p.name.clone(),
        |_, p| p.name.clone(),
        |_, p| format!("{}, {}", w::type_name(p), parameter_values(p).join(" ; ")),
        |(_, x), (_, y)| {
            let mut details = fields(vec![(
                "type",
                w::type_name(x).to_string(),
                w::type_name(y).to_string(),
            )]);
            match dates_only(x, y) {
                Some(line) => details.push(line),
                None => details.extend(lines(&parameter_values(x), &parameter_values(y))),
            }
            details
        },
    )
}

/// The field a change of dates alone is noted under: the reports fold it into
/// the subject's line.
pub(super) const DATES_ONLY: &str = "dates seules";

/// When the same values are dated otherwise, one line says so:
/// `35.00 ; depuis 2020-01-01 → depuis 2020-06-01`.
fn dates_only(x: &Param, y: &Param) -> Option<Detail> {
    let same_values =
        x.values.len() == y.values.len() && x.values.iter().zip(&y.values).all(|(a, b)| a.1 == b.1);
    if !same_values || x.values == y.values {
        return None;
    }
    let values: Vec<String> = x.values.iter().map(|(_, v)| w::value(v, x.ty)).collect();
    let days = |p: &Param| {
        p.values
            .iter()
            .map(|(d, _)| w::since(*d))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(Detail {
        field: Some(DATES_ONLY.to_string()),
        before: None,
        after: Some(format!(
            "mêmes valeurs ({}) ; {} → {}",
            values.join(", "),
            days(x),
            days(y)
        )),
    })
}

fn table_rows(t: &Table) -> Vec<String> {
    let mut out = Vec::new();
    for (day, rows) in &t.versions {
        let mut keys: Vec<&u32> = rows.keys().collect();
        keys.sort();
        out.extend(keys.into_iter().map(|k| {
            // With its unit: `12.50 €/h`, `2000.00 €`, `400`.
            let value = w::value(&crate::model::Value::Number(rows[k]), t.ty);
            format!("{}, {k} : {value}", w::since(*day))
        }));
    }
    out
}

fn tables(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    keyed(
        (a, &a.tables),
        (b, &b.tables),
        |_, t| t.name.clone(),
        |_, t| format!("barème {}", t.name),
        |_, t| {
            let dates: Vec<String> = t.versions.iter().map(|(d, _)| d.to_string()).collect();
            let rows = t.versions.last().map_or(0, |(_, r)| r.len());
            format!(
                "{} versions (depuis {}), {rows} lignes",
                t.versions.len(),
                dates.join(", ")
            )
        },
        |(_, x), (_, y)| lines(&table_rows(x), &table_rows(y)),
    )
}

fn level_fields(r: &RuleSet, l: &Level) -> [String; 3] {
    [
        r.categories[l.category].id.clone(),
        w::coefficients(&l.coefficients),
        w::optional_formula(r, &l.minimum),
    ]
}

fn grid(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    let mut out = keyed(
        (a, &a.categories),
        (b, &b.categories),
        |_, c| c.id.clone(),
        |_, c| format!("catégorie {}", c.id),
        |_, c| format!("« {} »", c.label),
        |(_, x), (_, y)| fields(vec![("intitulé", x.label.clone(), y.label.clone())]),
    );
    out.extend(keyed(
        (a, &a.levels),
        (b, &b.levels),
        |_, l| l.number,
        |_, l| format!("niveau {}", l.number),
        |r, l| {
            let [category, coefficients, minimum] = level_fields(r, l);
            format!("catégorie {category}, coefficients {coefficients}, minimum {minimum}")
        },
        |(ra, x), (rb, y)| {
            let [ca, ka, ma] = level_fields(ra, x);
            let [cb, kb, mb] = level_fields(rb, y);
            fields(vec![
                ("catégorie", ca, cb),
                ("coefficients", ka, kb),
                ("minimum", ma, mb),
            ])
        },
    ));
    out
}

fn diploma_floor(d: &Diploma) -> String {
    d.floor
        .map_or_else(|| "aucun".to_string(), |f| f.to_string())
}

fn diplomas(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    keyed(
        (a, &a.diplomas),
        (b, &b.diplomas),
        |_, d| normalize(&d.id),
        |_, d| format!("diplôme {}", d.id),
        |_, d| format!("« {} », plancher {}", d.label, diploma_floor(d)),
        |(_, x), (_, y)| {
            fields(vec![
                ("intitulé", x.label.clone(), y.label.clone()),
                ("plancher", diploma_floor(x), diploma_floor(y)),
            ])
        },
    )
}

fn band_lines(s: &Scale) -> Vec<String> {
    s.bands.iter().map(w::band).collect()
}

fn scales(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    keyed(
        (a, &a.scales),
        (b, &b.scales),
        |_, s| s.id.clone(),
        |_, s| format!("ancienneté {} {}", s.id, w::quoted(&s.label)),
        |_, s| band_lines(s).join(" ; "),
        |(_, x), (_, y)| lines(&band_lines(x), &band_lines(y)),
    )
}

fn classification(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    let mut out = keyed(
        (a, &a.floors),
        (b, &b.floors),
        |_, f| f.kind,
        |_, f| w::floor_kind(f.kind),
        |_, f| w::floor_option(f).replace('—', ""),
        |(_, x), (_, y)| fields(vec![("option", w::floor_option(x), w::floor_option(y))]),
    );
    let limit = |r: &RuleSet, t: &Transitional| {
        let from = t.from.map(|d| format!(" depuis {d}")).unwrap_or_default();
        let mut text = format!("au plus {}{from}", w::duration_ref(r, t.limit));
        if let Some(then) = t.then {
            text.push_str(&format!(", puis {then}"));
        }
        if !t.except_jobs.is_empty() {
            let jobs: Vec<&str> = t
                .except_jobs
                .iter()
                .map(|j| r.jobs[*j].id.as_str())
                .collect();
            text.push_str(&format!(", sauf pour {}", jobs.join(", ")));
        }
        text
    };
    out.extend(keyed(
        (a, &a.transitional),
        (b, &b.transitional),
        |_, t| t.coefficient,
        |_, t| format!("coefficient transitoire {}", t.coefficient),
        limit,
        |(ra, x), (rb, y)| fields(vec![("limite", limit(ra, x), limit(rb, y))]),
    ));
    out
}

fn status(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    let rules = |r: &RuleSet| -> Vec<String> {
        r.status_rules
            .iter()
            .map(|s| w::status_rule(r, s))
            .collect()
    };
    Entry::changed("règles de statut", lines(&rules(a), &rules(b)))
        .into_iter()
        .collect()
}

fn salary(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    let minimum = |r: &RuleSet| {
        r.minimum_salary
            .as_ref()
            .map_or_else(|| "—".to_string(), |m| formula(r, &m.formula))
    };
    let items = [
        (
            "heures de référence",
            w::optional_formula(a, &a.reference_hours),
            w::optional_formula(b, &b.reference_hours),
        ),
        (
            "heures maximales",
            w::optional_formula(a, &a.maximum_hours),
            w::optional_formula(b, &b.maximum_hours),
        ),
        ("salaire minimum", minimum(a), minimum(b)),
    ];
    items
        .into_iter()
        .filter_map(|(subject, before, after)| {
            let detail = Detail {
                field: None,
                before: Some(before),
                after: Some(after),
            };
            let same = detail.before == detail.after;
            Entry::changed(subject, if same { vec![] } else { vec![detail] })
        })
        .collect()
}

fn mission_fields(r: &RuleSet, m: &MissionCap) -> [String; 3] {
    [
        w::duration_ref(r, m.window),
        w::duration_ref(r, m.at_most),
        format!("tranche {}", m.claim_band),
    ]
}

fn missions(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    let whole = |r: &RuleSet, m: &MissionCap| {
        let [window, at_most, claim] = mission_fields(r, m);
        format!("au plus {at_most} sur {window}, droit : {claim}")
    };
    let subject = "plafond des missions";
    match (&a.mission_cap, &b.mission_cap) {
        (None, None) => vec![],
        (Some(x), None) => vec![Entry::removed(subject, whole(a, x)).at([super::place(a, x)])],
        (None, Some(y)) => vec![Entry::added(subject, whole(b, y)).at([super::place(b, y)])],
        (Some(x), Some(y)) => {
            let [wa, ma, ca] = mission_fields(a, x);
            let [wb, mb, cb] = mission_fields(b, y);
            let details = fields(vec![
                ("fenêtre", wa, wb),
                ("au plus", ma, mb),
                ("droit", ca, cb),
            ]);
            let at = [super::place(a, x), super::place(b, y)];
            Entry::changed(subject, details)
                .map(|e| e.at(at))
                .into_iter()
                .collect()
        }
    }
}

fn trial(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    keyed(
        (a, &a.trial),
        (b, &b.trial),
        |r, t| w::trial_selector(r, t.selector),
        |r, t| w::trial_selector(r, t.selector),
        w::trial_rule,
        |(ra, x), (rb, y)| fields(vec![("essai", w::trial_rule(ra, x), w::trial_rule(rb, y))]),
    )
}

fn provisions(a: &RuleSet, b: &RuleSet) -> Vec<Entry> {
    let text = |p: &Provision| p.text.clone().unwrap_or_default();
    keyed(
        (a, &a.provisions),
        (b, &b.provisions),
        |_, p| normalize(&p.title),
        |_, p| format!("« {} »", p.title),
        |_, p| text(p),
        |(_, x), (_, y)| fields(vec![("texte", text(x), text(y))]),
    )
}
