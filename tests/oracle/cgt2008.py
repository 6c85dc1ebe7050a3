#!/usr/bin/env python3
"""Independent reference oracle for the CGT 2008 proposal (READING.md §1-§8b).

Written from /work/shared/seed/READING.md and /work/shared/spec/facts.md only,
never from the engine's code. Python 3.11, standard library only.

Usage:
    python3 tests/oracle/cgt2008.py FACTS.json --as-of YYYY-MM-DD
    python3 tests/oracle/cgt2008.py --self-test

FACTS may be a JSON array of records, JSON Lines (one record per line) or CSV
(by the `.csv` extension; flat fields only, header row required, empty cell =
absent). Prints a JSON array of decisions, in input order, on stdout; rejected
records are left out and reported on stderr as `record N: field: reason`
(N = 1-based position in the file; for CSV, the data row number). Exit code 0
when every record was decided, 1 when at least one was rejected, 2 when the
file itself cannot be read. Warnings are not produced.

CHOICES where READING.md / facts.md are silent (the engine is compared on these):
 C1  Names: a job matches by its id, its display name, every alias of the table
     in §6 and the feminine form of each of them, after normalisation (NFKD,
     combining accents dropped, casefold, whitespace, hyphens and apostrophes
     ' ’ ʼ removed; other punctuation such as `/` is kept). Feminine forms used:
     Conseillère clientèle, Téléconseillère, Chargée de clientèle, Assistante
     relation client, Conseillère commerciale, Télévendeuse, Commerciale
     sédentaire, Assistante commerciale, Conseillère spécifique / technique,
     Hotlineuse, Assistante technique, Technicienne à distance, Assistante de
     qualité discours, Superviseuse, Animatrice, Chargée de terrain, Cheffe de
     plateau, Directrice (centre de relation client / de site / centre de
     contacts), Formatrice, Régulatrice de flux, Cheffe de projet informatique.
     "animateur" and "animatrice" are ambiguous (superviseur, formateur).
 C2  A coefficient is any integer; its level is the level whose range holds it
     (175 stays 175, it is not rounded to a step of the 1999 grid).
 C3  previous_sector_coefficient: a JSON integer; in a hole (or below 120) the
     floor is the bottom of the next level above; above 550 the record is
     rejected.
 C4  Mission days are counted as distinct calendar days (overlapping missions
     do not count a day twice). Missions starting after the evaluation date
     count for nothing. Days of a mission before `job_since` count (the cap is
     on the employee, not on the current job).
 C5  One claim per job: when several missions to the same job are running on
     days the cap is exceeded, the claim is listed once with the earliest day.
     Claims are ordered by `since`, then job id. `claims` is omitted when empty.
 C6  A mission or move naming an unknown or ambiguous job rejects the record.
 C7  Trial: the latest move is the one with the latest `on` not after the
     evaluation date (ties: the later in the list); moves after the evaluation
     date are ignored, and so are moves whose `from` and `to` are the same job
     (no change of function: no trial). The trial is reported whatever `job` is.
 C8  Trial category: the entitlement in job `to` evaluated on `on`: band from
     the experience in `to` on that day (if `to` is the current job:
     prior_job_months plus the completed months from job_since to `on` when
     job_since <= on; otherwise 0 months, debutant), diploma floor,
     previous-sector floor and the mission claims arisen on or before `on`.
     The renewal threshold (employés from coefficient 170) uses the same
     coefficient; an employé below 170 gets no renewal (trial_renewed ignored).
 C9  Renewal by months: the trial end rule of §8 applied from the day after the
     initial end; 2 weeks: initial end + 14 days.
 C10 trial_broken_on: the status is `broken` when it is on or before both the
     trial's end and the evaluation date; a break after the end is no trial
     break (the status follows the dates: running, then completed); a break
     after the evaluation date has not happened yet.
 C10b Trial length (READING §8, corrected for the loi n° 2008-596): by the move's
     date, before 2009-07-01 art. 13.2's 1, 2, 3 months, from it L1221-19's 2,
     3, 4 months (employés, TAM, cadres); renewal as before.
 C11 Duplicate id: the first record keeps the id; a later record carrying an id
     already seen (decided or rejected) is rejected.
 C12 Types: id, job a non-empty string; prior_job_months, coefficient,
     previous_sector_coefficient JSON integers (not booleans, not strings);
     hours and salary JSON numbers or strings of plain decimal text
     (`-?digits[.digits]`); salary must be >= 0; diploma one of the eight ids
     exactly (case-sensitive); dates strictly YYYY-MM-DD; trial_renewed a JSON
     boolean. JSON null in an optional field means absent. Unknown fields are
     ignored. The applied `coefficient` is not range-checked.
 C13 salary_shortfall = minimum_salary (already rounded) - salary, exact,
     printed with at least 2 decimals (never rounded); present only when > 0.
 C14 next_step: candidate dates are the days the completed months reach 6, 24
     and 60; the coefficient there is recomputed with the new band and every
     other floor unchanged (claims as at the evaluation date). The first
     candidate whose coefficient is strictly above today's is reported.
 C16 Minimum owed (READING §11, the proposal under the law): the highest of
     the proposal's minimum and the SMIC for the same hours on the evaluation
     date (published monthly amount × hours / 151.67, rounded half-up to the
     cent); salary_shortfall is counted from it.
 C15 Record numbers on stderr: 1-based position in a JSON array, physical line
     number in JSON Lines, data row number (header excluded) in CSV. Only the
     first problem of a record is reported.
 C16 Only the display name, id, listed aliases and their feminine forms are
     names: "Conseiller technique" matches (it is the id), "Conseillère
     technique" does not; "Conseiller spécifique" alone does not.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
import unicodedata
from decimal import Decimal, getcontext

getcontext().prec = 200  # money and hours stay exact

# ---------------------------------------------------------------------------
# Rule data (READING.md §1, §2, §3, §6, §8)
# ---------------------------------------------------------------------------

SMCC = Decimal("1500.00")
REFERENCE_HOURS = Decimal("151.67")
MAX_HOURS = Decimal("208")

# level: (category, low, high, factor)
LEVELS = {
    1: ("employes", 120, 140, Decimal("1.0")),
    2: ("employes", 150, 160, Decimal("1.2")),
    3: ("employes", 170, 190, Decimal("1.4")),
    4: ("tam", 200, 220, Decimal("1.6")),
    5: ("tam", 230, 240, Decimal("1.7")),
    6: ("tam", 250, 260, Decimal("1.8")),
    7: ("cadres", 280, 330, Decimal("1.9")),
    8: ("cadres", 360, 420, Decimal("2.0")),
    9: ("cadres", 450, 550, Decimal("2.3")),
}
GRID_TOP = 550

DIPLOMA_FLOORS = {
    "none": 120, "cap-bep": 150, "bac": 170, "bac+2": 230,
    "bac+3": 280, "bac+4": 280, "bac+5": 360, "doctorat": 450,
}

BANDS = ["debutant", "confirme", "experimente", "senior"]
BAND_START_MONTHS = {"debutant": 0, "confirme": 6, "experimente": 24, "senior": 60}

TRIAL_MONTHS_BEFORE_2009_07 = {"employes": 1, "tam": 2, "cadres": 3}
TRIAL_MONTHS = {"employes": 2, "tam": 3, "cadres": 4}
LAW_TRIALS_FROM = dt.date(2009, 7, 1)
# renewal: (kind, amount); employés only from coefficient 170
RENEWAL = {"employes": ("days", 14), "tam": ("months", 1), "cadres": ("months", 2)}
RENEWAL_EMPLOYES_MIN_COEF = 170

CADRE = 280          # "Cadre" cell: lowest coefficient of Cadres & Ingénieurs
AGENT_MAITRISE = 200  # "Agent de maîtrise" cell: lowest coefficient of TAM

# id: (names incl. display name and aliases, feminine forms, cells by band)
# a None cell is blank: it takes the nearest lower band with a value.
JOBS = {
    "conseiller-clientele": (
        ["Conseiller clientèle", "Téléconseiller", "Chargé de clientèle", "Assistant relation client"],
        ["Conseillère clientèle", "Téléconseillère", "Chargée de clientèle", "Assistante relation client"],
        [170, 180, 190, 200]),
    "conseiller-commercial": (
        ["Conseiller commercial", "Télévendeur", "Commercial sédentaire", "Assistant commercial"],
        ["Conseillère commerciale", "Télévendeuse", "Commerciale sédentaire", "Assistante commerciale"],
        [180, 190, 200, 220]),
    "conseiller-technique": (
        ["Conseiller spécifique / technique", "Hotliner", "Assistant technique", "Technicien à distance"],
        ["Conseillère spécifique / technique", "Hotlineuse", "Assistante technique", "Technicienne à distance"],
        [200, None, None, None]),
    "gestionnaire-backoffice": (["Gestionnaire backoffice"], [], [200, None, None, None]),
    "assistant-qualite-discours": (
        ["Assistant de qualité discours", "Support Métier Production"],
        ["Assistante de qualité discours"],
        [200, None, None, None]),
    "superviseur": (
        ["Superviseur", "Responsable d'équipe", "animateur", "Team leader"],
        ["Superviseuse", "animatrice"],
        [200, None, None, None]),
    "charge-de-terrain": (["Chargé de terrain", "ROA", "RU"], ["Chargée de terrain"],
                          [None, None, None, None]),
    "responsable-centre-contacts": (
        ["Responsable de centre de contacts", "Chef de plateau"], ["Cheffe de plateau"],
        [CADRE, None, None, None]),
    "directeur-centre-relation-client": (
        ["Directeur Centre de Relation Client", "Directeur de site", "directeur centre de contacts", "directeur"],
        ["Directrice Centre de Relation Client", "Directrice de site", "directrice centre de contacts", "directrice"],
        [CADRE, None, None, None]),
    "formateur": (["Formateur", "Animateur"], ["Formatrice", "Animatrice"],
                  [AGENT_MAITRISE, None, None, None]),
    "responsable-formation": (["Responsable Formation", "Training manager"], [],
                              [CADRE, None, None, None]),
    "planification-statistique": (
        ["Planification/Statistique", "Régulateur de flux"], ["Régulatrice de flux"],
        [AGENT_MAITRISE, None, None, None]),
    "responsable-qualite": (["Responsable qualité"], [], [CADRE, None, None, None]),
    "chef-de-projet-informatique": (["Chef de projet informatique"], ["Cheffe de projet informatique"],
                                    [None, None, None, None]),
}


def normalise(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold()
    return re.sub(r"[\s\-\u2010\u2011'\u2019\u02bc]", "", s)


NAME_INDEX: dict[str, set[str]] = {}
for _jid, (_names, _fem, _cells) in JOBS.items():
    for _n in [_jid] + _names + _fem:
        NAME_INDEX.setdefault(normalise(_n), set()).add(_jid)


class Reject(Exception):
    pass


def resolve_job(name, field):
    if not isinstance(name, str) or not name.strip():
        raise Reject(f"{field}: a job name (string) is required")
    ids = NAME_INDEX.get(normalise(name))
    if not ids:
        raise Reject(f"{field}: unknown job `{name}`")
    if len(ids) > 1:
        raise Reject(f"{field}: ambiguous job `{name}`: " + ", ".join(sorted(ids)))
    return next(iter(ids))


def job_cell(job: str, band: str):
    """Coefficient of the job grid for a band; blank cells take the nearest lower band."""
    cells = JOBS[job][2]
    for i in range(BANDS.index(band), -1, -1):
        if cells[i] is not None:
            return cells[i]
    return None


def level_of(coef: int):
    for lvl, (_cat, lo, hi, _f) in LEVELS.items():
        if lo <= coef <= hi:
            return lvl
    return None


def lift_out_of_hole(coef: int) -> int:
    """§4: a coefficient in a hole becomes the bottom of the next level above."""
    if level_of(coef) is not None:
        return coef
    for lvl in sorted(LEVELS):
        if LEVELS[lvl][1] > coef:
            return LEVELS[lvl][1]
    raise Reject("previous_sector_coefficient: above the top of the grid")


# ---------------------------------------------------------------------------
# Dates (§3, §7, §8)
# ---------------------------------------------------------------------------

def last_day(y: int, m: int) -> int:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def add_months(d: dt.date, n: int) -> dt.date:
    """Add n months in one step, clamping to the month's last day."""
    t = d.year * 12 + (d.month - 1) + n
    y, m = divmod(t, 12)
    m += 1
    return dt.date(y, m, min(d.day, last_day(y, m)))


def completed_months(start: dt.date, end: dt.date) -> int:
    """Largest n with start + n months <= end (start <= end)."""
    n = (end.year - start.year) * 12 + (end.month - start.month)
    while n > 0 and add_months(start, n) > end:
        n -= 1
    return max(n, 0)


def trial_end(start: dt.date, months: int) -> dt.date:
    """Day before the same day-number `months` later; its last day if it has none."""
    t = start.year * 12 + (start.month - 1) + months
    y, m = divmod(t, 12)
    m += 1
    if start.day <= last_day(y, m):
        return dt.date(y, m, start.day) - dt.timedelta(days=1)
    return dt.date(y, m, last_day(y, m))


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(v, field):
    if not isinstance(v, str) or not DATE_RE.match(v):
        raise Reject(f"{field}: not a date YYYY-MM-DD: {json.dumps(v, ensure_ascii=False, default=str)}")
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise Reject(f"{field}: not a valid date: {v}")


# ---------------------------------------------------------------------------
# Money (§1)
# ---------------------------------------------------------------------------

def round_half_up_cents(value_num: int, value_den: int) -> Decimal:
    """Exact half-up rounding to the cent of a positive rational num/den."""
    cents = (2 * value_num * 100 + value_den) // (2 * value_den)
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def minimum_salary(level: int, hours: Decimal) -> Decimal:
    factor = LEVELS[level][3]
    num, den = (factor * SMCC * hours).as_integer_ratio()
    rn, rd = REFERENCE_HOURS.as_integer_ratio()
    return round_half_up_cents(num * rd, den * rn)


# READING §11 and ../sources/loi/README.md: the published monthly SMIC for
# 151.67 hours, by the day it took effect (only the values a case may reach).
SMIC_MONTHLY = [
    (dt.date(2024, 1, 1), Decimal("1766.92")),
    (dt.date(2024, 11, 1), Decimal("1801.80")),
    (dt.date(2026, 1, 1), Decimal("1823.03")),
]


def smic(hours: Decimal, on: dt.date):
    """The SMIC for `hours` on `on`, prorated and rounded half-up like the
    agreement's minimum; None before the first value known here."""
    known = [v for since, v in SMIC_MONTHLY if since <= on]
    if not known:
        return None
    num, den = (known[-1] * hours).as_integer_ratio()
    rn, rd = REFERENCE_HOURS.as_integer_ratio()
    return round_half_up_cents(num * rd, den * rn)


def fmt_money(d: Decimal) -> str:
    if d.as_tuple().exponent > -2:
        d = d.quantize(Decimal("0.01"))
    return format(d, "f")


DEC_RE = re.compile(r"^-?\d+(\.\d+)?$")


def parse_decimal(v, field):
    if isinstance(v, bool):
        raise Reject(f"{field}: not a decimal")
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise Reject(f"{field}: not a decimal")
        return v
    if isinstance(v, str) and DEC_RE.match(v.strip()):
        return Decimal(v.strip())
    raise Reject(f"{field}: not a decimal: {json.dumps(v, ensure_ascii=False, default=str)}")


def parse_int(v, field):
    if isinstance(v, bool) or not isinstance(v, int):
        raise Reject(f"{field}: not an integer: {json.dumps(v, ensure_ascii=False, default=str)}")
    return v


# ---------------------------------------------------------------------------
# Validation of one record (facts.md)
# ---------------------------------------------------------------------------

def opt(rec, key):
    v = rec.get(key)
    return None if v is None else v


def validate(rec, as_of: dt.date, seen_ids: set):
    if not isinstance(rec, dict):
        raise Reject("record: not an object")
    rid = rec.get("id")
    if not isinstance(rid, str) or not rid:
        raise Reject("id: a non-empty string is required")
    if rid in seen_ids:
        raise Reject(f"id: duplicate id `{rid}`")
    seen_ids.add(rid)
    f = {"id": rid}
    f["job"] = resolve_job(rec.get("job"), "job")
    if rec.get("job_since") is None:
        raise Reject("job_since: required")
    f["job_since"] = parse_date(rec["job_since"], "job_since")
    if f["job_since"] > as_of:
        raise Reject(f"job_since: {f['job_since']} is after the evaluation date {as_of}")
    p = opt(rec, "prior_job_months")
    f["prior_job_months"] = 0 if p is None else parse_int(p, "prior_job_months")
    if f["prior_job_months"] < 0:
        raise Reject("prior_job_months: negative")
    d = opt(rec, "diploma")
    d = "none" if d is None else d
    if d not in DIPLOMA_FLOORS:
        raise Reject(f"diploma: unknown diploma `{d}`")
    f["diploma"] = d
    psc = opt(rec, "previous_sector_coefficient")
    if psc is not None:
        psc = parse_int(psc, "previous_sector_coefficient")
        if psc > GRID_TOP:
            raise Reject(f"previous_sector_coefficient: {psc} is above the top of the grid ({GRID_TOP})")
    f["previous_sector_coefficient"] = psc
    h = opt(rec, "hours")
    h = REFERENCE_HOURS if h is None else parse_decimal(h, "hours")
    if not (Decimal(0) < h <= MAX_HOURS):
        raise Reject(f"hours: {h} is outside (0, 208]")
    f["hours"] = h
    s = opt(rec, "salary")
    if s is not None:
        s = parse_decimal(s, "salary")
        if s < 0:
            raise Reject("salary: negative")
    f["salary"] = s
    c = opt(rec, "coefficient")
    f["coefficient"] = None if c is None else parse_int(c, "coefficient")

    missions = opt(rec, "missions") or []
    if not isinstance(missions, list):
        raise Reject("missions: not a list")
    f["missions"] = []
    for i, m in enumerate(missions, 1):
        fld = f"missions[{i}]"
        if not isinstance(m, dict):
            raise Reject(f"{fld}: not an object")
        mj = resolve_job(m.get("job"), fld + ".job")
        if m.get("start") is None:
            raise Reject(f"{fld}.start: required")
        ms = parse_date(m["start"], fld + ".start")
        me = m.get("end")
        me = None if me is None else parse_date(me, fld + ".end")
        if me is not None and me < ms:
            raise Reject(f"{fld}.end: {me} is before the start {ms}")
        f["missions"].append((mj, ms, me))

    moves = opt(rec, "moves") or []
    if not isinstance(moves, list):
        raise Reject("moves: not a list")
    f["moves"] = []
    for i, m in enumerate(moves, 1):
        fld = f"moves[{i}]"
        if not isinstance(m, dict):
            raise Reject(f"{fld}: not an object")
        frm = resolve_job(m.get("from"), fld + ".from")
        to = resolve_job(m.get("to"), fld + ".to")
        if m.get("on") is None:
            raise Reject(f"{fld}.on: required")
        on = parse_date(m["on"], fld + ".on")
        ren = m.get("trial_renewed")
        if ren is None:
            ren = False
        if not isinstance(ren, bool):
            raise Reject(f"{fld}.trial_renewed: not a boolean")
        br = m.get("trial_broken_on")
        br = None if br is None else parse_date(br, fld + ".trial_broken_on")
        f["moves"].append({"from": frm, "to": to, "on": on, "renewed": ren, "broken_on": br})
    return f


# ---------------------------------------------------------------------------
# Decision (§3-§8b)
# ---------------------------------------------------------------------------

def mission_claims(missions, as_of: dt.date):
    """§7: claims {job: first day} for the days up to as_of when the cap is exceeded."""
    spans = []
    for job, s, e in missions:
        e = as_of if e is None or e > as_of else e
        if s <= e:
            spans.append((job, s, e))
    if not spans:
        return {}
    days = set()
    for _j, s, e in spans:
        for k in range((e - s).days + 1):
            days.add(s + dt.timedelta(days=k))
    first = min(s for _j, s, _e in spans)
    # prefix counts of mission days
    total = (as_of - first).days + 1
    pref = [0] * (total + 1)
    for k in range(total):
        pref[k + 1] = pref[k] + ((first + dt.timedelta(days=k)) in days)
    claims = {}
    for k in range(total):
        d = first + dt.timedelta(days=k)
        if d not in days:
            continue
        lo = add_months(d, -24) + dt.timedelta(days=1)   # window (D - 24 months, D]
        lo_idx = max((lo - first).days, 0)
        count = pref[k + 1] - pref[lo_idx]
        if count > 183:
            for job, s, e in spans:
                if s <= d <= e and job not in claims:
                    claims[job] = d
    return claims


def entitlement(job, band, diploma, psc, claim_jobs):
    cands = [DIPLOMA_FLOORS[diploma]]
    cell = job_cell(job, band)
    if cell is not None:
        cands.append(cell)
    if psc is not None:
        cands.append(lift_out_of_hole(psc))
    for cj in claim_jobs:
        c = job_cell(cj, "debutant")
        if c is not None:
            cands.append(c)
    return max(cands)


def band_of(months: int) -> str:
    b = "debutant"
    for name in BANDS:
        if months >= BAND_START_MONTHS[name]:
            b = name
    return b


def decide(f, as_of: dt.date):
    months = completed_months(f["job_since"], as_of) + f["prior_job_months"]
    band = band_of(months)
    claims = mission_claims(f["missions"], as_of)
    coef = entitlement(f["job"], band, f["diploma"], f["previous_sector_coefficient"], claims)
    lvl = level_of(coef)
    cat = LEVELS[lvl][0]
    status = "cadre" if cat == "cadres" else ("assimile-cadre" if coef >= 200 else "non-cadre")
    mini = minimum_salary(lvl, f["hours"])
    legal = smic(f["hours"], as_of)
    if legal is not None and legal > mini:
        mini = legal
    out = {"id": f["id"], "job": f["job"], "band": band, "coefficient": coef, "level": lvl,
           "category": cat, "status": status, "minimum_salary": fmt_money(mini)}
    if f["salary"] is not None and mini - f["salary"] > 0:
        out["salary_shortfall"] = fmt_money(mini - f["salary"])
    if f["coefficient"] is not None and coef - f["coefficient"] > 0:
        out["coefficient_gap"] = coef - f["coefficient"]
    if claims:
        out["claims"] = [
            {"kind": "mission-cap", "job": j, "coefficient": job_cell(j, "debutant"), "since": d.isoformat()}
            for j, d in sorted(claims.items(), key=lambda kv: (kv[1], kv[0]))]
    trial = trial_of(f, as_of)
    if trial:
        out["trial"] = trial
    nxt = next_step(f, as_of, band, coef, claims)
    if nxt:
        out["next_step"] = nxt
    return out


def trial_of(f, as_of: dt.date):
    past = [(m["on"], i, m) for i, m in enumerate(f["moves"])
            if m["on"] <= as_of and m["from"] != m["to"]]
    if not past:
        return None
    _on, _i, mv = max(past, key=lambda t: (t[0], t[1]))
    on = mv["on"]
    to = mv["to"]
    if to == f["job"]:
        months = f["prior_job_months"]
        if f["job_since"] <= on:
            months += completed_months(f["job_since"], on)
    else:
        months = 0
    claims_then = mission_claims(f["missions"], on)
    coef = entitlement(to, band_of(months), f["diploma"], f["previous_sector_coefficient"], claims_then)
    cat = LEVELS[level_of(coef)][0]
    months_by_cat = TRIAL_MONTHS if on >= LAW_TRIALS_FROM else TRIAL_MONTHS_BEFORE_2009_07
    end = trial_end(on, months_by_cat[cat])
    if mv["renewed"] and not (cat == "employes" and coef < RENEWAL_EMPLOYES_MIN_COEF):
        kind, n = RENEWAL[cat]
        start2 = end + dt.timedelta(days=1)
        end = start2 + dt.timedelta(days=n - 1) if kind == "days" else trial_end(start2, n)
    if mv["broken_on"] is not None and mv["broken_on"] <= end and mv["broken_on"] <= as_of:
        status = "broken"
    elif as_of <= end:
        status = "running"
    else:
        status = "completed"
    return {"job": to, "start": on.isoformat(), "end": end.isoformat(), "status": status,
            "return_to": mv["from"]}


def next_step(f, as_of, band, coef, claims):
    for b in BANDS[BANDS.index(band) + 1:]:
        n = BAND_START_MONTHS[b] - f["prior_job_months"]
        on = add_months(f["job_since"], n)
        c = entitlement(f["job"], b, f["diploma"], f["previous_sector_coefficient"], claims)
        if c > coef:
            return {"on": on.isoformat(), "band": b, "coefficient": c}
    return None


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------

INT_FIELDS = ("prior_job_months", "previous_sector_coefficient", "coefficient")


def load_records(path):
    """Returns a list of (number, record-or-error-string)."""
    if path.lower().endswith(".csv"):
        out = []
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            for n, row in enumerate(reader, 1):
                rec = {}
                for k, v in row.items():
                    if k is None or v is None or v == "":
                        continue
                    if k in INT_FIELDS:
                        if re.match(r"^-?\d+$", v.strip()):
                            v = int(v.strip())
                    rec[k] = v
                out.append((n, rec))
        return out
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        data = json.loads(text, parse_float=Decimal)
        if isinstance(data, list):
            return list(enumerate(data, 1))
        if isinstance(data, dict):
            return [(1, data)]
    except json.JSONDecodeError:
        pass
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line, parse_float=Decimal)))
        except json.JSONDecodeError as e:
            out.append((n, f"not JSON: {e.msg}"))
    return out


def run(records, as_of):
    decisions, errors = [], []
    seen = set()
    for n, rec in records:
        try:
            if isinstance(rec, str):
                raise Reject(rec)
            decisions.append(decide(validate(rec, as_of, seen), as_of))
        except Reject as e:
            errors.append(f"record {n}: {e}")
    return decisions, errors


# ---------------------------------------------------------------------------
# Self-test: READING.md's own worked examples, and a few more
# ---------------------------------------------------------------------------

def self_test():
    D = dt.date.fromisoformat
    # §3 month counting
    assert completed_months(D("2025-01-31"), D("2025-07-28")) == 5
    assert band_of(completed_months(D("2025-01-31"), D("2025-07-28"))) == "debutant"
    assert completed_months(D("2025-01-31"), D("2025-07-31")) == 6
    assert band_of(completed_months(D("2025-01-31"), D("2025-07-31"))) == "confirme"
    assert add_months(D("2026-01-31"), 1) == D("2026-02-28")
    # §7 mission example: no claim
    rec = {"id": "M", "job": "Conseiller clientèle", "job_since": "2020-01-01",
           "missions": [{"job": "Superviseur", "start": "2024-01-08", "end": "2024-01-08"},
                        {"job": "Superviseur", "start": "2025-07-10", "end": "2026-01-08"}]}
    (d,), errs = run([(1, rec)], D("2026-01-10"))
    assert not errs and "claims" not in d, d
    # one more day makes 184 in the window: a claim since 2026-01-09
    rec2 = json.loads(json.dumps(rec))
    rec2["missions"][1]["end"] = "2026-01-09"
    (d,), _ = run([(1, rec2)], D("2026-01-10"))
    assert d["claims"] == [{"kind": "mission-cap", "job": "superviseur", "coefficient": 200,
                            "since": "2026-01-09"}], d
    # §8 trial end dates (one month)
    for s, e in [("2026-10-01", "2026-10-31"), ("2026-01-31", "2026-02-28"),
                 ("2026-01-29", "2026-02-28"), ("2026-01-28", "2026-02-27")]:
        assert trial_end(D(s), 1) == D(e), (s, trial_end(D(s), 1))
    # §8b Conseiller commercial with previous-sector 190: next step expérimenté 200
    rec = {"id": "N", "job": "Conseiller commercial", "job_since": "2026-01-15",
           "previous_sector_coefficient": 190}
    (d,), _ = run([(1, rec)], D("2026-03-01"))
    assert (d["band"], d["coefficient"]) == ("debutant", 190), d
    assert d["next_step"] == {"on": "2028-01-15", "band": "experimente", "coefficient": 200}, d
    # §4 holes, §1 rounding, §6 ambiguity
    assert lift_out_of_hole(145) == 150 and lift_out_of_hole(270) == 280 and lift_out_of_hole(195) == 200
    assert minimum_salary(1, REFERENCE_HOURS) == Decimal("1500.00")
    assert minimum_salary(3, REFERENCE_HOURS) == Decimal("2100.00")
    assert smic(REFERENCE_HOURS, D("2026-11-29")) == Decimal("1823.03")
    assert smic(Decimal("75.835"), D("2026-11-29")) == Decimal("911.52")
    _, errs = run([(1, {"id": "A", "job": "Animateur", "job_since": "2026-01-01"})], D("2026-03-01"))
    assert errs and "ambiguous" in errs[0], errs
    print("self-test: ok")


def main(argv):
    if "--self-test" in argv:
        self_test()
        return 0
    args = [a for a in argv]
    as_of = dt.date.today()
    if "--as-of" in args:
        i = args.index("--as-of")
        try:
            as_of = dt.date.fromisoformat(args[i + 1])
        except (IndexError, ValueError):
            print("usage: cgt2008.py FACTS --as-of YYYY-MM-DD", file=sys.stderr)
            return 2
        del args[i:i + 2]
    if len(args) != 1:
        print("usage: cgt2008.py FACTS --as-of YYYY-MM-DD | --self-test", file=sys.stderr)
        return 2
    try:
        records = load_records(args[0])
    except (OSError, UnicodeDecodeError) as e:
        print(f"cannot read {args[0]}: {e}", file=sys.stderr)
        return 2
    decisions, errors = run(records, as_of)
    json.dump(decisions, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
