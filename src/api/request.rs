//! Reading a request: its JSON shape, then what each operation needs.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Code, Problem};
use crate::catalogue::Said;
use crate::explain::{Lang, Target};
use crate::facts::{Format, Month};

/// A request as sent: every field the API reads, none other.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sent<'a> {
    /// Read as text: an unknown operation is told as such, not as bad JSON.
    op: String,
    rules: RulesSent,
    /// Kept as written: the facts reader sees the records as the client wrote
    /// them (a field given twice is refused there, not merged here).
    #[serde(borrow, default)]
    facts: Option<&'a RawValue>,
    #[serde(default)]
    facts_text: Option<String>,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    why_not: Option<String>,
    /// The day the explanation is made, which its header names.
    #[serde(default)]
    run_on: Option<String>,
    #[serde(default)]
    trace: bool,
    #[serde(default)]
    agreement_only: bool,
    #[serde(default)]
    set: Vec<String>,
    /// `diff`: the rules compared against (the rules in force).
    #[serde(default)]
    base: Option<RulesSent>,
    #[serde(default)]
    set_base: Vec<String>,
    #[serde(default)]
    set_proposal: Vec<String>,
    /// `diff`: `NAME:param=value[,param=value]`, as `--scenario`.
    #[serde(default)]
    scenarios: Vec<String>,
    /// `diff`: `taux_charges=0.42`, as `--set-cost`.
    #[serde(default)]
    set_cost: Vec<String>,
    #[serde(default)]
    top: Option<usize>,
    /// `diff`: every employee's row, not only the aggregates.
    #[serde(default)]
    employees: bool,
    /// `replay`: the months replayed, `YYYY-MM`, and the day of the claim.
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    claim_on: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Check,
    Eval,
    Explain,
    Diff,
    Doc,
    Replay,
}

impl Op {
    fn read(name: &str) -> Result<Op, Problem> {
        match name {
            "check" => Ok(Op::Check),
            "eval" => Ok(Op::Eval),
            "explain" => Ok(Op::Explain),
            "diff" => Ok(Op::Diff),
            "doc" => Ok(Op::Doc),
            "replay" => Ok(Op::Replay),
            _ => Err(request_error(
                (
                    format!("`op` `{}` inconnu", crate::facts::short(name)),
                    format!("unknown `op` `{}`", crate::facts::short(name)),
                ),
                (
                    "`op` vaut `check`, `eval`, `explain`, `diff`, `doc` ou `replay`",
                    "`op` is `check`, `eval`, `explain`, `diff`, `doc` or `replay`",
                ),
            )),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Op::Check => "check",
            Op::Eval => "eval",
            Op::Explain => "explain",
            Op::Diff => "diff",
            Op::Doc => "doc",
            Op::Replay => "replay",
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RulesSent {
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    files: Option<Files>,
    #[serde(default)]
    main: Option<String>,
}

/// Where the rule files are.
pub enum Rules {
    /// On the disk of the process, at this path.
    Path(String),
    /// In the request: each file's text by path, and the one named.
    Files {
        files: BTreeMap<String, String>,
        main: String,
    },
}

/// Where the employees' facts are.
pub enum Facts<'a> {
    /// A JSON array of records, as written in the request.
    Records(&'a str),
    /// A facts file's text and its format.
    Text(String, Format),
}

/// A request, read and checked for its operation.
pub struct Request<'a> {
    pub op: Op,
    pub rules: Rules,
    pub facts: Option<Facts<'a>>,
    pub as_of: Option<NaiveDate>,
    pub id: Option<String>,
    pub lang: Lang,
    pub why_not: Option<Target>,
    /// The day an explanation is made (`explain`): its header names it.
    pub run_on: Option<NaiveDate>,
    pub trace: bool,
    pub agreement_only: bool,
    /// `NAME=VALUE` overrides, as `grille eval --set` takes them.
    pub set: Vec<String>,
    /// What `diff` compares and how.
    pub diff: Option<DiffAsked>,
    /// What `replay` replays.
    pub replay: Option<ReplayAsked>,
}

/// `diff`: the base, the settings of each side, the scenarios, the costs.
pub struct DiffAsked {
    pub base: Rules,
    pub set_base: Vec<String>,
    pub set_proposal: Vec<String>,
    pub scenarios: Vec<String>,
    pub set_cost: Vec<String>,
    pub top: usize,
    pub employees: bool,
}

/// `replay`: the months (the record's pay history when not given) and the claim's day.
pub struct ReplayAsked {
    pub from: Option<Month>,
    pub to: Option<Month>,
    pub claim_on: NaiveDate,
}

/// How many of the largest changes `diff` lists when `top` is not given.
pub const TOP: usize = 20;

/// Reads `text` as a request; every problem is said, the first found.
pub fn read(text: &str) -> Result<Request<'_>, Problem> {
    if !text.trim_start().starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return Err(request_error(
            (
                "la requête n'est pas un objet JSON",
                "the request is not a JSON object",
            ),
            REQUEST_HELP,
        ));
    }
    let mut sent: Sent = serde_json::from_str(text).map_err(|e| not_read(&e))?;
    let op = Op::read(&sent.op)?;
    let rules = rules(std::mem::take(&mut sent.rules))?;
    let only_for = |given: bool, field: &str, ops: &[Op]| match given && !ops.contains(&op) {
        true => Err(request_error(
            (
                format!("`{field}` n'est pas lu par `{}`", op.name()),
                format!("`{field}` is not read by `{}`", op.name()),
            ),
            {
                let ops: Vec<String> = ops.iter().map(|o| format!("`{}`", o.name())).collect();
                (
                    format!("`{field}` sert à {} ; retirez-le", ops.join(" et ")),
                    format!("`{field}` is for {}; remove it", ops.join(" and ")),
                )
            },
        )),
        false => Ok(()),
    };
    let decide = [Op::Eval, Op::Explain, Op::Diff, Op::Replay];
    only_for(sent.facts.is_some(), "facts", &decide)?;
    only_for(sent.facts_text.is_some(), "facts_text", &decide)?;
    only_for(sent.format.is_some(), "format", &decide)?;
    only_for(!sent.set.is_empty(), "set", &decide)?;
    only_for(sent.trace, "trace", &[Op::Eval])?;
    only_for(sent.id.is_some(), "id", &[Op::Explain, Op::Replay])?;
    only_for(sent.lang.is_some(), "lang", &[Op::Explain, Op::Replay])?;
    let diff = [Op::Diff];
    only_for(sent.base.is_some(), "base", &diff)?;
    only_for(!sent.set_base.is_empty(), "set_base", &diff)?;
    only_for(!sent.set_proposal.is_empty(), "set_proposal", &diff)?;
    only_for(!sent.scenarios.is_empty(), "scenarios", &diff)?;
    only_for(!sent.set_cost.is_empty(), "set_cost", &diff)?;
    only_for(sent.top.is_some(), "top", &diff)?;
    only_for(sent.employees, "employees", &diff)?;
    only_for(sent.from.is_some(), "from", &[Op::Replay])?;
    only_for(sent.to.is_some(), "to", &[Op::Replay])?;
    only_for(sent.claim_on.is_some(), "claim_on", &[Op::Replay])?;
    only_for(sent.why_not.is_some(), "why_not", &[Op::Explain])?;
    only_for(sent.run_on.is_some(), "run_on", &[Op::Explain])?;
    let facts = facts(sent.facts, sent.facts_text.take(), sent.format.take())?;
    let as_of = sent
        .as_of
        .as_deref()
        .map(|d| date("as_of", d))
        .transpose()?;
    if decide.contains(&op) {
        required(facts.is_some(), "facts", op, FACTS_HELP)?;
    }
    if matches!(op, Op::Eval | Op::Explain | Op::Diff | Op::Doc) {
        required(
            as_of.is_some(),
            "as_of",
            op,
            (
                "donnez la date d'évaluation, AAAA-MM-JJ",
                "give the evaluation date, YYYY-MM-DD",
            ),
        )?;
    }
    let diff = match op {
        Op::Diff => Some(diff_asked(&mut sent)?),
        _ => None,
    };
    let replay = match op {
        Op::Replay => Some(replay_asked(&sent)?),
        _ => None,
    };
    if matches!(op, Op::Explain | Op::Replay) {
        let help = (
            "donnez le matricule du salarié",
            "give the id of the employee",
        );
        required(sent.id.is_some(), "id", op, help)?;
    }
    let why_not = sent.why_not.as_deref().map(Target::parse).transpose();
    Ok(Request {
        op,
        rules,
        facts,
        as_of,
        id: sent.id,
        lang: lang(sent.lang.as_deref())?,
        why_not: why_not.map_err(|e| {
            request_error(
                (format!("`why_not` {}", e.fr), format!("`why_not` {}", e.en)),
                ("", ""),
            )
        })?,
        run_on: sent
            .run_on
            .as_deref()
            .map(|d| date("run_on", d))
            .transpose()?,
        trace: sent.trace,
        agreement_only: sent.agreement_only,
        set: sent.set,
        diff,
        replay,
    })
}

fn diff_asked(sent: &mut Sent) -> Result<DiffAsked, Problem> {
    let Some(base) = sent.base.take() else {
        return Err(request_error(
            ("`diff` demande `base`", "`diff` needs `base`"),
            (
                "donnez les règles comparées : {\"path\": \"rules/idcc2098-2002.grille\"} ou {\"files\": …, \"main\": …}",
                "give the rules compared against: {\"path\": \"rules/idcc2098-2002.grille\"} or {\"files\": …, \"main\": …}",
            ),
        ));
    };
    Ok(DiffAsked {
        base: rules(base).map_err(|p| p.renamed("`rules", "`base"))?,
        set_base: std::mem::take(&mut sent.set_base),
        set_proposal: std::mem::take(&mut sent.set_proposal),
        scenarios: std::mem::take(&mut sent.scenarios),
        set_cost: std::mem::take(&mut sent.set_cost),
        top: sent.top.unwrap_or(TOP),
        employees: sent.employees,
    })
}

fn replay_asked(sent: &Sent) -> Result<ReplayAsked, Problem> {
    let month = |field: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| {
                Month::parse(t).ok_or_else(|| {
                    let t = crate::facts::short(t);
                    request_error(
                        (
                            format!("`{field}` `{t}` n'est pas un mois écrit AAAA-MM"),
                            format!("`{field}` `{t}` is not a month written YYYY-MM"),
                        ),
                        (
                            "par exemple \"from\": \"2025-01\"",
                            "e.g. \"from\": \"2025-01\"",
                        ),
                    )
                })
            })
            .transpose()
    };
    let Some(claim_on) = sent.claim_on.as_deref() else {
        return Err(request_error(
            ("`replay` demande `claim_on`", "`replay` needs `claim_on`"),
            (
                "donnez le jour de la réclamation, AAAA-MM-JJ : la prescription compte de lui",
                "give the day the claim is brought, YYYY-MM-DD: prescription counts from it",
            ),
        ));
    };
    Ok(ReplayAsked {
        from: month("from", &sent.from)?,
        to: month("to", &sent.to)?,
        claim_on: date("claim_on", claim_on)?,
    })
}

const FACTS_HELP: (&str, &str) = (
    "donnez `facts` (un tableau d'enregistrements) ou `facts_text` avec `format` (json, jsonl ou csv)",
    "give `facts` (an array of records) or `facts_text` with `format` (json, jsonl or csv)",
);

fn required(given: bool, field: &str, op: Op, help: (&str, &str)) -> Result<(), Problem> {
    match given {
        true => Ok(()),
        false => Err(request_error(
            (
                format!("`{}` demande `{field}`", op.name()),
                format!("`{}` needs `{field}`", op.name()),
            ),
            help,
        )),
    }
}

fn not_read(e: &serde_json::Error) -> Problem {
    let (fr, en) = match e.classify() {
        serde_json::error::Category::Data => (
            "la requête n'a pas les champs demandés",
            "the request does not have the fields asked",
        ),
        _ => (
            "la requête n'est pas du JSON valide",
            "the request is not valid JSON",
        ),
    };
    let (line, column) = (e.line(), e.column());
    let fr = format!("{fr} (ligne {line}, colonne {column})");
    let mut problem = request_error((fr, format!("{en}: {e}")), REQUEST_HELP);
    (problem.line, problem.column) = (Some(e.line()), Some(e.column()));
    problem
}

const REQUEST_HELP: (&str, &str) = (
    "envoyez un objet JSON : {\"op\": \"check\" | \"eval\" | \"explain\" | \"diff\" | \"doc\" | \"replay\", \
     \"rules\": {\"path\": \"…\"} ou {\"files\": {\"path\": \"text\", …}, \"main\": \"path\"}, \
     \"facts\": […], \"as_of\": \"AAAA-MM-JJ\", …}",
    "send one JSON object: {\"op\": \"check\" | \"eval\" | \"explain\" | \"diff\" | \"doc\" | \"replay\", \
     \"rules\": {\"path\": \"…\"} or {\"files\": {\"path\": \"text\", …}, \"main\": \"path\"}, \
     \"facts\": […], \"as_of\": \"YYYY-MM-DD\", …}",
);

fn rules(sent: RulesSent) -> Result<Rules, Problem> {
    match (sent.path, sent.files, sent.main) {
        (Some(path), None, None) => Ok(Rules::Path(path)),
        (None, Some(Files(files)), Some(main)) => Ok(Rules::Files { files, main }),
        (None, Some(_), None) => Err(request_error(
            ("`rules.files` demande `rules.main`", "`rules.files` needs `rules.main`"),
            (
                "nommez avec `main` le fichier de règles à charger parmi `files`",
                "name the rule file to load among `files` with `main`",
            ),
        )),
        (None, None, _) => Err(request_error(
            ("`rules` demande `path` ou `files`", "`rules` needs `path` or `files`"),
            (
                "donnez {\"path\": \"rules/cgt-2008.grille\"}, ou {\"files\": {\"path\": \"text\", …}, \"main\": \"path\"}",
                "give {\"path\": \"rules/cgt-2008.grille\"}, or {\"files\": {\"path\": \"text\", …}, \"main\": \"path\"}",
            ),
        )),
        (Some(_), _, _) => Err(request_error(
            (
                "`rules` prend `path`, ou `files` avec `main`, pas les deux",
                "`rules` takes `path`, or `files` with `main`, not both",
            ),
            (
                "donnez les règles du disque ou dans la requête",
                "give the rules from the disk or in the request",
            ),
        )),
    }
}

fn facts<'a>(
    records: Option<&'a RawValue>,
    text: Option<String>,
    format: Option<String>,
) -> Result<Option<Facts<'a>>, Problem> {
    match (records, text, format) {
        (None, None, None) => Ok(None),
        (Some(records), None, None) => Ok(Some(Facts::Records(records.get()))),
        (None, Some(text), Some(format)) => Ok(Some(Facts::Text(text, facts_format(&format)?))),
        (None, Some(_), None) => Err(request_error(
            (
                "`facts_text` demande `format`",
                "`facts_text` needs `format`",
            ),
            (
                "dites `format` : json, jsonl ou csv",
                "say `format`: json, jsonl or csv",
            ),
        )),
        (None, None, Some(_)) => Err(request_error(
            (
                "`format` sans `facts_text`",
                "`format` without `facts_text`",
            ),
            FACTS_HELP,
        )),
        (Some(_), _, _) => Err(request_error(
            (
                "`facts` et `facts_text` sont donnés tous les deux",
                "`facts` and `facts_text` are both given",
            ),
            FACTS_HELP,
        )),
    }
}

fn facts_format(name: &str) -> Result<Format, Problem> {
    match name {
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::JsonLines),
        "csv" => Ok(Format::Csv),
        _ => Err(request_error(
            (
                format!(
                    "`format` `{}` n'est pas un format de faits",
                    crate::facts::short(name)
                ),
                format!(
                    "`format` `{}` is not a facts format",
                    crate::facts::short(name)
                ),
            ),
            ("json, jsonl ou csv", "json, jsonl or csv"),
        )),
    }
}

fn date(field: &str, text: &str) -> Result<NaiveDate, Problem> {
    crate::facts::parse_date(text).ok_or_else(|| {
        let text = crate::facts::short(text);
        request_error(
            (
                format!("`{field}` `{text}` n'est pas une date écrite AAAA-MM-JJ"),
                format!("`{field}` `{text}` is not a date written YYYY-MM-DD"),
            ),
            (
                format!("par exemple \"{field}\": \"2026-11-29\""),
                format!("e.g. \"{field}\": \"2026-11-29\""),
            ),
        )
    })
}

fn lang(name: Option<&str>) -> Result<Lang, Problem> {
    match name {
        None | Some("fr") => Ok(Lang::Fr),
        Some("en") => Ok(Lang::En),
        Some(other) => Err(request_error(
            (
                format!(
                    "`lang` `{}` n'est pas une langue des explications",
                    crate::facts::short(other)
                ),
                format!(
                    "`lang` `{}` is not a language of explanations",
                    crate::facts::short(other)
                ),
            ),
            ("fr ou en", "fr or en"),
        )),
    }
}

/// A problem of the request, its words in both languages (`message_fr`,
/// `help_fr` beside `message` and `help`, as diagnostics have them).
fn request_error(message: impl Into<Said>, help: impl Into<Said>) -> Problem {
    Problem::said(Code::Request, message.into(), help.into())
}

/// The rule files of a request: a path given twice is refused, not overwritten.
struct Files(BTreeMap<String, String>);

impl<'de> Deserialize<'de> for Files {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FilesVisitor)
    }
}

struct FilesVisitor;

impl<'de> Visitor<'de> for FilesVisitor {
    type Value = Files;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of rule-file texts by path")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Files, M::Error> {
        let mut files = BTreeMap::new();
        while let Some((path, text)) = map.next_entry::<String, String>()? {
            if files.contains_key(&path) {
                return Err(serde::de::Error::custom(format!(
                    "the rule file `{}` is given twice in `files`",
                    crate::facts::short(&path)
                )));
            }
            files.insert(path, text);
        }
        Ok(Files(files))
    }
}
