#!/usr/bin/env python3
"""Independent reference oracle for the back-pay replay (READING.md §12).

Written from /work/shared/seed/READING.md (§3, §5, §11, §12), /work/shared/spec/
facts.md ("History", "Output of a replay"), the law's README (SMIC, L3245-1)
and the official salary texts of IDCC 2098, never from the engine's code.
Python 3.11, standard library only; money is exact (fractions.Fraction), never
binary floating point.

It replays, for the jobs of examples/history.json only, the rules in force
(`rules/idcc2098-2002.grille` under `rules/loi.grille`, the default) or the
proposal amending them (`--rules rules/cgt-2008.grille`, READING §1-§6, §10:
its jobs and table; the jobs in force it does not take over keep their
coefficient, with the proposal's diploma floor and minimum). Missions, moves and
previous-sector coefficients are not modelled (the histories use none).

Usage:
    python3 tests/oracle/replay.py FACTS.json --from YYYY-MM --to YYYY-MM \
        --claim-on YYYY-MM-DD [--id ID]... [--rules rules/cgt-2008.grille]
    python3 tests/oracle/replay.py --self-test

Prints a JSON array of answers (facts.md "Output of a replay": id, claim_on,
months with owed/paid/shortfall/claimable/segments, totals), in input order.
`rights` and `warnings` are not produced. Exit 0; 2 when the facts cannot be
read or use a job, a month or a field this oracle does not know.

READINGS where READING §12 and facts.md are silent (the engine is compared on
these; each is listed in the report of the branch `oracle`):
 R1  Segments are the maximal runs of contract days of a month over which every
     field of a segment (job, band, coefficient, level, the three minimums,
     winner) is the same: a date where nothing of these changes (a diploma under
     rules without diploma floor, a SMIC revaluation while the agreement wins
     and stays above) does not cut. `from`/`to` are clipped to the contract.
 R2  Each segment's minimums are the decision's amounts at the month's hours,
     each already rounded half-up to the cent as the rule files say (agreement:
     arrondi(Rém. × heures / 151,67), law: arrondi(SMIC mensuel × heures /
     151,67)); the month's owed = Σ minimum × days / days of the month, exact,
     then rounded once, half-up, to the cent.
 R3  The month's hours: the pay record's `hours`, else the record's `hours`,
     else 151,67, for every day of that month, also for a month without pay
     record (its owed is shown, it is not counted).
 R4  winner: `law` when the SMIC amount is strictly above the agreement's,
     otherwise `agreement` (a tie keeps the agreement).
 R5  The contract ended (prescription from R = left_on) only when left_on is
     before the claim date; a left_on on or after the claim date is a running
     contract (C − 3 years).
 R6  claimable is the month's prescription status (pay date ≥ the boundary),
     given also for a month without pay record (which adds nothing to totals).
 R7  A month wholly outside the contract: owed "0.00", segments []; without
     a pay record it is, as facts.md writes it, a month without pay record:
     paid and shortfall null and counted in unknown_months. (No expected file
     of tests/inputs/replay depends on this; open question.)
 R8  shortfall "0.00" for a month paid at or above its owed; totals.prescribed
     = Σ shortfall of the months not claimable; shortfall = claimable +
     prescribed; paid_leave = arrondi(claimable / 10).
 R9  `paid` is printed with two decimals when the salary has at most two (it is
     never rounded: a salary with more decimals is printed as given).
 R10 Experience on day D: completed months from the `since` of the job held on
     D to D (READING §3: the day-number n months later, clamped to the month's
     end), plus that job's prior_job_months.
 R12 Under the proposal, the diploma held on D is the last of `diplomas` whose
     `since` is on or before D, `none` before the first (facts.md); a record
     without `diplomas` holds `diploma` throughout. A diploma obtained mid-month
     cuts the month where it raises the coefficient.
 R13 Under the proposal a blank band takes the nearest lower band's value (§6);
     the segment's `band` is the band reached (e.g. `confirme`), so a band
     reached cuts the month even when the coefficient stays.
 R11 Transitional coefficients (art. 3 of the salary accords, as the rule file
     reads it): a coefficient with a time limit L, in force from date F, held
     since day S (the first day the job's grid gave it in the current job),
     gives way to the next coefficient of the grid on S' + L months, where
     S' = max(S, F).
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from fractions import Fraction

REFERENCE_HOURS = Fraction("151.67")  # grids "base 151,67 h"; SMIC 151⅔ h written 151,67

# ---------------------------------------------------------------------------
# The law: published monthly SMIC (151,67 h), from /work/shared/sources/loi/README.md
# ---------------------------------------------------------------------------

SMIC = [
    (dt.date(2020, 1, 1), "1539.42", "décret n° 2019-1387"),
    (dt.date(2021, 1, 1), "1554.58", "décret n° 2020-1598"),
    (dt.date(2021, 10, 1), "1589.47", "arrêté du 27 septembre 2021"),
    (dt.date(2022, 1, 1), "1603.12", "décret n° 2021-1741"),
    (dt.date(2022, 5, 1), "1645.58", "arrêté du 19 avril 2022"),
    (dt.date(2022, 8, 1), "1678.95", "arrêté du 29 juillet 2022"),
    (dt.date(2023, 1, 1), "1709.28", "décret n° 2022-1608"),
    (dt.date(2023, 5, 1), "1747.20", "arrêté du 26 avril 2023"),
    (dt.date(2024, 1, 1), "1766.92", "décret n° 2023-1216"),
    (dt.date(2024, 11, 1), "1801.80", "décret n° 2024-951"),
    (dt.date(2026, 1, 1), "1823.03", "décret n° 2025-1228"),
]

# ---------------------------------------------------------------------------
# The agreement: published monthly minimums ("Rém.", base 151,67 h) of the
# salary accords of IDCC 2098, annexe I, from the KALI extracts in
# /work/shared/sources/idcc-2098/. Each applies "le premier jour du mois civil
# suivant la date de publication de l'arrêté d'extension au Journal officiel".
# ---------------------------------------------------------------------------

def _grid(text: str) -> dict[int, Fraction]:
    pairs = (item.split(":") for item in text.split())
    return {int(c): Fraction(a) for c, a in pairs}


GRIDS = [
    # Accord du 16 mars 2020 (KALITEXT000042110940), annexe I (KALIARTI000042110962);
    # arrêté du 12 août 2020, JORF du 22 août 2020 -> 1er septembre 2020.
    (dt.date(2020, 9, 1), "accord du 16 mars 2020, annexe I", _grid(
        "120:1539.49 130:1546.45 140:1553.42 150:1560.38 160:1567.35 170:1595.21"
        " 190:1661.39 200:1765.37 220:1859.39 230:1908.14 240:1960.37 250:2016.08"
        " 260:2085.72 280:2415.12 290:2585.64 300:3031.08 330:3072.84 360:3288.60")),
    # Accord du 15 mars 2022 (KALITEXT000045976690), annexe I (KALIARTI000045976711);
    # arrêté du 25 août 2022, JORF du 31 août 2022 -> 1er septembre 2022.
    (dt.date(2022, 9, 1), "accord du 15 mars 2022, annexe I", _grid(
        "120:1603.28 130:1610.51 140:1617.73 150:1624.95 160:1632.17 170:1646.62"
        " 190:1679.12 200:1774.88 220:1869.03 230:1917.85 240:1970.16 250:2025.95"
        " 260:2095.69 280:2424.86 290:2595.58 300:3041.53 330:3083.34 360:3299.35")),
    # Accord du 13 décembre 2022 (KALITEXT000047348696), annexe I (KALIARTI000047348717);
    # arrêté du 16 février 2023, JORF du 1er mars 2023 -> 1er avril 2023.
    (dt.date(2023, 4, 1), "accord du 13 décembre 2022, annexe I", _grid(
        "120:1720.94 130:1728.70 140:1736.45 150:1744.20 160:1751.95 170:1767.46"
        " 190:1790.71 200:1841.11 220:1906.87 230:1958.01 240:2012.80 250:2063.95"
        " 260:2133.35 280:2449.15 290:2624.35 300:3073.30 330:3117.10 360:3332.45")),
    # Accord du 8 avril 2025 (KALITEXT000051843359), grille n° 1, annexe I
    # (KALIARTI000051843387); arrêté du 17 juin 2025, JORF du 21 juin 2025,
    # art. 6.1 -> 1er juillet 2025.
    (dt.date(2025, 7, 1), "accord du 8 avril 2025, grille n° 1 (annexe I)", _grid(
        "120:1802.10 130:1810.31 140:1818.52 150:1826.73 160:1830.83 170:1843.15"
        " 190:1851.36 200:1930.42 220:1986.86 230:2039.55 240:2099.75 250:2152.44"
        " 260:2223.93 280:2503.47 290:2680.45 300:3141.32 330:3185.57 360:3406.79")),
    # Same accord, grille n° 2, annexe III (KALIARTI000051843388), art. 6.1:
    # "quatre mois après" grid n° 1 -> 1er novembre 2025.
    (dt.date(2025, 11, 1), "accord du 8 avril 2025, grille n° 2 (annexe III)", _grid(
        "120:1806.22 130:1813.97 140:1821.72 150:1829.47 160:1837.22 170:1844.98"
        " 190:1868.23 200:1934.18 220:1998.15 230:2039.55 240:2099.75 250:2152.44"
        " 260:2223.93 280:2503.47 290:2680.45 300:3141.32 330:3185.57 360:3406.79")),
]

# Levels of the general grid (Classification des emplois, CCN du 13 août 1999, I;
# annexe II): coefficient -> level.
LEVEL_OF = {120: 1, 130: 1, 140: 1, 150: 2, 160: 2, 170: 3, 190: 3, 200: 4, 220: 4,
            230: 5, 240: 5, 250: 6, 260: 6, 280: 7, 290: 7, 300: 7, 330: 7, 360: 8}
GRID_ORDER = sorted(LEVEL_OF)

# Reference jobs of the avenant du 20 juin 2002 (annexe, KALIARTI000005852380),
# only those the histories use. Scale "courte": the tenure in the job titles,
# [0, 6) débutant, [6, 12) confirmé, 12+ "plus de 12 mois"; the others have one
# coefficient whatever the tenure (band "toutes").
SHORT_SCALE = [("debutant", 0), ("confirme", 6), ("plus-de-12-mois", 12)]
JOBS = {
    "teleconseiller": (["Téléconseiller", "Téléconseillère"], [120, 130, 140]),
    "employe-de-bureau": (["Employé de bureau", "Employée de bureau"], [120, 130, 140]),
    "superviseur": (["Superviseur", "Superviseuse"], [160, 170, 190]),
    "operateur-de-saisie": (["Opérateur de saisie", "Opératrice de saisie"], 140),
    "secretaire": (["Secrétaire"], 160),
    "formateur-interne": (["Formateur interne", "Formatrice interne"], 190),
    "chef-de-projet-junior": (["Chef de projet junior", "Cheffe de projet junior"], 200),
    "consultant": (["Consultant", "Consultante"], 230),
    "analyste-programmeur": (["Analyste programmeur", "Analyste programmeuse"], 230),
    "responsable-formation": (["Responsable formation"], 300),
}

# Art. 3 of the salary accords (accord du 16 mars 2020, art. 3.2, for 200; accord du
# 22 septembre 2011, art. 3, for 120; repeated up to the accord du 8 avril 2025,
# art. 3, KALIARTI000051843365): coefficient -> (months at most, in force from).
TRANSITIONAL = {120: (6, dt.date(2012, 1, 1)), 200: (24, dt.date(2020, 9, 1))}


# The proposal (READING §1, §2, §3, §6, §10): table in SMCC, diploma floors,
# bands of 6/24/60 months, its reference jobs, and the jobs in force it takes over.
SMCC = Fraction("1500.00")  # footnote 8, from 2008-05-29
PROPOSAL_LEVELS = [(1, 120, 140, "1.0"), (2, 150, 160, "1.2"), (3, 170, 190, "1.4"),
                   (4, 200, 220, "1.6"), (5, 230, 240, "1.7"), (6, 250, 260, "1.8"),
                   (7, 280, 330, "1.9"), (8, 360, 420, "2.0"), (9, 450, 550, "2.3")]
DIPLOMA_FLOORS = {"none": 120, "cap-bep": 150, "bac": 170, "bac+2": 230, "bac+3": 280,
                  "bac+4": 280, "bac+5": 360, "doctorat": 450}
LONG_SCALE = [("debutant", 0), ("confirme", 6), ("experimente", 24), ("senior", 60)]
PROPOSAL_JOBS = {  # cells debutant, confirme, experimente, senior (None: blank)
    "conseiller-clientele": (["Conseiller clientèle", "Conseillère clientèle"], [170, 180, 190, 200]),
    "superviseur": (["Superviseur", "Superviseuse"], [200, None, None, None]),   # AM4 200
    "formateur": (["Formateur", "Formatrice"], [200, None, None, None]),         # "Agent de maîtrise"
    "responsable-formation": (["Responsable Formation"], [280, None, None, None]),  # "Cadre"
}
TAKEN_OVER = {"teleconseiller": "conseiller-clientele", "superviseur": "superviseur",
              "formateur-interne": "formateur", "responsable-formation": "responsable-formation"}


class Unsupported(Exception):
    """Facts or dates this oracle has no rule for."""


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return "".join(ch for ch in text if ch not in " \t-'’")


NAMES = {normalise(n): job for job, (names, _) in JOBS.items() for n in names + [job]}
PROPOSAL = False  # set by --rules rules/cgt-2008.grille


def resolve(name: str) -> str:
    try:
        return NAMES[normalise(name)]
    except KeyError:
        raise Unsupported(f"job {name!r} is not one this oracle knows") from None


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

def last_day(y: int, m: int) -> int:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    return dt.date(y, m, min(d.day, last_day(y, m)))


def completed_months(start: dt.date, day: dt.date) -> int:
    n = (day.year - start.year) * 12 + day.month - start.month
    while n > 0 and add_months(start, n) > day:
        n -= 1
    return max(n, 0)


def minus_years(d: dt.date, n: int) -> dt.date:
    y = d.year - n
    return dt.date(y, d.month, min(d.day, last_day(y, d.month)))


def parse_month(text: str) -> tuple[int, int]:
    y, m = text.split("-")
    return int(y), int(m)


def month_range(first: str, last: str):
    y, m = parse_month(first)
    end = parse_month(last)
    while (y, m) <= end:
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


# ---------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------

def round_cents(x: Fraction) -> Fraction:
    """Half away from zero, to the cent."""
    cents = abs(x) * 100
    whole = cents.numerator // cents.denominator
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole if x >= 0 else -whole, 100)


def money(x: Fraction) -> str:
    sign = "-" if x < 0 else ""
    cents = abs(x) * 100
    assert cents.denominator == 1, x
    return f"{sign}{cents.numerator // 100}.{cents.numerator % 100:02d}"


def paid_text(x: Fraction, given: str) -> str:
    return money(x) if (x * 100).denominator == 1 else given


def dated(table, day: dt.date):
    found = None
    for start, *rest in table:
        if start <= day:
            found = rest
    if found is None:
        raise Unsupported(f"no grid or SMIC written in this oracle for {day} "
                          f"(it knows grids from 2020-09-01, the SMIC from 2020-01-01)")
    return found


# ---------------------------------------------------------------------------
# The decision on one day (rules in force, under the law)
# ---------------------------------------------------------------------------

def job_on(rec, day: dt.date):
    """(job id, since, prior months) of the job held on `day`."""
    held = [(resolve(j["job"]), dt.date.fromisoformat(j["since"]), j.get("prior_job_months", 0))
            for j in rec.get("jobs", [])]
    held.append((resolve(rec["job"]), dt.date.fromisoformat(rec["job_since"]),
                 rec.get("prior_job_months", 0)))
    current = None
    for job, since, prior in held:
        if since <= day:
            current = (job, since, prior)
    return current


def band_and_cell(job: str, months: int):
    cells = JOBS[job][1]
    if isinstance(cells, int):
        return "toutes", cells
    band, cell = None, None
    for (name, low), value in zip(SHORT_SCALE, cells):
        if months >= low:
            band, cell = name, value
    return band, cell


def band_start(job: str, since: dt.date, prior: int, coefficient: int) -> dt.date:
    """First day in this job the job's grid gave `coefficient` (R11)."""
    cells = JOBS[job][1]
    if isinstance(cells, int):
        return since
    for (_, low), value in zip(SHORT_SCALE, cells):
        if value == coefficient:
            return add_months(since, max(low - prior, 0))
    return since


def coefficient_on(job, since, prior, day):
    band, coef = band_and_cell(job, completed_months(since, day) + prior)
    while coef in TRANSITIONAL:
        limit, in_force = TRANSITIONAL[coef]
        start = max(band_start(job, since, prior, coef), in_force)
        if day < in_force or day < add_months(start, limit):
            break
        coef = GRID_ORDER[GRID_ORDER.index(coef) + 1]
    return band, coef


def diploma_on(rec, day: dt.date) -> str:
    if "diplomas" not in rec:
        return rec.get("diploma", "none")
    held = "none"
    for entry in rec["diplomas"]:
        if dt.date.fromisoformat(entry["since"]) <= day:
            held = entry["diploma"]
    return held


def proposal_level(coef: int):
    for level, low, high, factor in PROPOSAL_LEVELS:
        if low <= coef <= high:
            return level, Fraction(factor)
    raise Unsupported(f"coefficient {coef} in a hole of the proposal's grid")


def proposal_coefficient(rec, job, since, prior, day):
    """(job id, band, coefficient): the highest floor (READING §5)."""
    floor = DIPLOMA_FLOORS[diploma_on(rec, day)]
    if job not in TAKEN_OVER:  # a job in force the proposal leaves alone (§10)
        band, coef = coefficient_on(job, since, prior, day)
        return job, band, max(coef, floor)
    job = TAKEN_OVER[job]
    months = completed_months(since, day) + prior
    band, cell = None, None
    for (name, low), value in zip(LONG_SCALE, PROPOSAL_JOBS[job][1]):
        if months >= low:
            band, cell = name, value if value is not None else cell
    return job, band, max(cell, floor)


def segment_on(rec, day: dt.date, hours: Fraction):
    job, since, prior = job_on(rec, day)
    smic = Fraction(dated(SMIC, day)[0])
    if PROPOSAL:
        job, band, coef = proposal_coefficient(rec, job, since, prior, day)
        level, factor = proposal_level(coef)
        agreement = round_cents(factor * SMCC * hours / REFERENCE_HOURS)
        law = round_cents(smic * hours / REFERENCE_HOURS)
        return segment(job, band, coef, level, agreement, law)
    band, coef = coefficient_on(job, since, prior, day)
    grid = dated(GRIDS, day)[1]
    agreement = round_cents(grid[coef] * hours / REFERENCE_HOURS)
    law = round_cents(smic * hours / REFERENCE_HOURS)
    return segment(job, band, coef, LEVEL_OF[coef], agreement, law)


def segment(job, band, coef, level, agreement, law):
    winner = "law" if law > agreement else "agreement"
    return {"job": job, "band": band, "coefficient": coef, "level": level,
            "minimum_agreement": agreement, "minimum_law": law,
            "minimum": max(law, agreement), "winner": winner}


# ---------------------------------------------------------------------------
# The replay
# ---------------------------------------------------------------------------

def contract(rec):
    starts = [dt.date.fromisoformat(j["since"]) for j in rec.get("jobs", [])]
    hired = rec.get("hired_on") or (min(starts).isoformat() if starts else rec["job_since"])
    left = rec.get("left_on")
    return dt.date.fromisoformat(hired), dt.date.fromisoformat(left) if left else None


def prescription_boundary(rec, claim_on: dt.date):
    """Earliest pay date still claimable, or None when nothing is (L3245-1)."""
    _, left = contract(rec)
    if left is None or left >= claim_on:
        return minus_years(claim_on, 3)
    if claim_on > add_months(left, 36):
        return None
    return minus_years(left, 3)


def month_segments(rec, y, m, hours):
    hired, left = contract(rec)
    runs = []
    for d in range(1, last_day(y, m) + 1):
        day = dt.date(y, m, d)
        if day < hired or (left and day > left):
            continue
        seg = segment_on(rec, day, hours)
        if runs and runs[-1][2] == seg and runs[-1][1] == day - dt.timedelta(days=1):
            runs[-1][1] = day
        else:
            runs.append([day, day, seg])
    return runs


def replay_month(rec, y, m, boundary):
    month = f"{y:04d}-{m:02d}"
    pay = {p["month"]: p for p in rec.get("pay", [])}.get(month)
    hours_text = (pay or {}).get("hours") or rec.get("hours") or "151.67"
    runs = month_segments(rec, y, m, Fraction(str(hours_text)))
    days = last_day(y, m)
    owed = round_cents(sum((s["minimum"] * ((b - a).days + 1) / days for a, b, s in runs),
                           Fraction(0)))
    pay_date = dt.date(y, m, days)
    entry = {"month": month, "owed": money(owed), "paid": None, "shortfall": None,
             "claimable": boundary is not None and pay_date >= boundary,
             "segments": [segment_json(a, b, s) for a, b, s in runs]}
    if pay is not None:
        paid = Fraction(str(pay["salary"]))
        entry["paid"] = paid_text(paid, str(pay["salary"]))
        entry["shortfall"] = money(max(owed - paid, Fraction(0)))
    return entry


def segment_json(a, b, s):
    out = {"from": a.isoformat(), "to": b.isoformat()}
    for key, value in s.items():
        out[key] = money(value) if isinstance(value, Fraction) else value
    return out


def replay(rec, first, last, claim_on):
    boundary = prescription_boundary(rec, claim_on)
    months = [replay_month(rec, y, m, boundary) for y, m in month_range(first, last)]
    known = [mo for mo in months if mo["shortfall"] is not None]
    total = sum((Fraction(mo["shortfall"]) for mo in known), Fraction(0))
    claimable = sum((Fraction(mo["shortfall"]) for mo in known if mo["claimable"]), Fraction(0))
    totals = {"shortfall": money(total), "claimable": money(claimable),
              "prescribed": money(total - claimable),
              "paid_leave": money(round_cents(claimable / 10)),
              "unknown_months": len(months) - len(known)}
    return {"id": rec["id"], "claim_on": claim_on.isoformat(), "months": months,
            "totals": totals}


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------

def self_test():
    assert round_cents(Fraction("979.005")) == Fraction("979.01")
    assert round_cents(Fraction("-0.005")) == Fraction("-0.01")
    assert round_cents(Fraction("1839.5732")) == Fraction("1839.57")
    assert minus_years(dt.date(2027, 2, 28), 3) == dt.date(2024, 2, 28)
    assert minus_years(dt.date(2028, 2, 29), 3) == dt.date(2025, 2, 28)
    assert completed_months(dt.date(2025, 1, 31), dt.date(2025, 7, 28)) == 5
    assert completed_months(dt.date(2025, 1, 31), dt.date(2025, 7, 31)) == 6
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    # a published amount is Ind. × Pt. rounded (441 × 4,105 = 1 810,305 → 1 810,31)
    assert round_cents(441 * Fraction("4.105")) == GRIDS[3][2][130]
    print("self-test ok")


def parse_args(argv):
    args = {"ids": []}
    it = iter(argv)
    for arg in it:
        if arg in ("--from", "--to", "--claim-on"):
            args[arg[2:]] = next(it)
        elif arg == "--id":
            args["ids"].append(next(it))
        elif arg == "--rules":
            args["rules"] = next(it)
        else:
            args["facts"] = arg
    missing = [k for k in ("facts", "from", "to", "claim-on") if k not in args]
    if missing:
        raise SystemExit(f"usage: replay.py FACTS --from YYYY-MM --to YYYY-MM "
                         f"--claim-on YYYY-MM-DD [--id ID]... (missing {missing})")
    return args


def main(argv):
    if argv == ["--self-test"]:
        self_test()
        return 0
    args = parse_args(argv)
    global PROPOSAL
    rules = args.get("rules", "rules/idcc2098-2002.grille").rsplit("/", 1)[-1]
    if rules not in ("idcc2098-2002.grille", "cgt-2008.grille"):
        print(f"replay.py: no reading of {rules}", file=sys.stderr)
        return 2
    PROPOSAL = rules == "cgt-2008.grille"
    with open(args["facts"], encoding="utf-8") as f:
        records = json.load(f)
    claim_on = dt.date.fromisoformat(args["claim-on"])
    chosen = [r for r in records if not args["ids"] or r["id"] in args["ids"]]
    try:
        answers = [replay(r, args["from"], args["to"], claim_on) for r in chosen]
    except Unsupported as e:
        print(f"replay.py: {e}", file=sys.stderr)
        return 2
    json.dump(answers, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
