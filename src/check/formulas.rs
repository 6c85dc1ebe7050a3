//! Formulas: names resolved, types checked, divisions by zero found.

use super::*;

impl Checker {
    pub(super) fn amount_formula(
        &mut self,
        rules: &RuleSet,
        e: &ast::Expr,
        inputs: &[Input],
    ) -> Option<model::Expr> {
        let (expr, ty) = self.expr(rules, e, inputs)?;
        if ty != Type::Amount {
            self.report(Kind::TypeMismatch(Mismatch::FormulaNotAmount(ty)), e.span);
            return None;
        }
        Some(expr)
    }

    pub(super) fn number_formula(&mut self, rules: &RuleSet, e: &ast::Expr) -> Option<model::Expr> {
        let (expr, ty) = self.expr(rules, e, &[])?;
        if !matches!(ty, Type::Number | Type::Hours) {
            self.report(Kind::TypeMismatch(Mismatch::FormulaNotNumber(ty)), e.span);
            return None;
        }
        Some(expr)
    }

    /// A formula typed, with its names resolved; `inputs` are what the evaluation
    /// provides where it stands.
    pub(super) fn expr(
        &mut self,
        rules: &RuleSet,
        e: &ast::Expr,
        inputs: &[Input],
    ) -> Option<(model::Expr, Type)> {
        use ast::ExprKind as A;
        let (kind, ty) = match &e.kind {
            A::Number { value, unit } => (
                ExprKind::Number(unit.value(*value)),
                match unit {
                    ast::NumberUnit::None | ast::NumberUnit::Percent => Type::Number,
                    ast::NumberUnit::Euro => Type::Amount,
                    ast::NumberUnit::EuroPerHour => Type::Hourly,
                    ast::NumberUnit::EuroPerYear => Type::Annual,
                    ast::NumberUnit::Hours => Type::Hours,
                },
            ),
            A::Name(name) => self.name(rules, name, e.span, inputs)?,
            A::Lookup(name, key) => self.lookup(rules, name, key, inputs)?,
            A::Round(inner) => {
                let (inner, ty) = self.expr(rules, inner, inputs)?;
                (ExprKind::Round(Box::new(inner)), ty)
            }
            A::RoundTo(inner, rounding) => self.round_to(rules, inner, rounding, inputs)?,
            A::Extreme(which, args) => self.extreme(rules, *which, args, e.span, inputs)?,
            A::If(c) => self.conditional(rules, c, e.span, inputs)?,
            A::Convert { annual, amount } => self.convert(rules, *annual, amount, inputs)?,
            A::Neg(inner) => {
                let (inner, ty) = self.expr(rules, inner, inputs)?;
                (ExprKind::Neg(Box::new(inner)), ty)
            }
            A::Binary(op, left, right) => {
                let l = self.expr(rules, left, inputs);
                let r = self.expr(rules, right, inputs);
                let ((l, lt), (r, rt)) = (l?, r?);
                let Some(ty) = binary_type(*op, lt, rt) else {
                    let (op, left, right) = (*op, lt, rt);
                    let mismatch = Mismatch::Operands { op, left, right };
                    self.report(Kind::TypeMismatch(mismatch), e.span);
                    return None;
                };
                if *op == BinaryOp::Div {
                    self.divisor(rules, &r);
                }
                (ExprKind::Binary(*op, Box::new(l), Box::new(r)), ty)
            }
        };
        Some((model::Expr { span: e.span, kind }, ty))
    }

    /// A name in a formula: what the evaluation provides, or a parameter.
    fn name(
        &mut self,
        rules: &RuleSet,
        name: &str,
        span: Span,
        inputs: &[Input],
    ) -> Option<(ExprKind, Type)> {
        if let Some(input) = builtin_input(name) {
            if !inputs.contains(&input) {
                let name = name.to_string();
                self.report(Kind::UnavailableInput { name, input }, span);
                return None;
            }
            let ty = match input {
                Input::LevelMinimum if rules.hourly_levels => Type::Hourly,
                Input::LevelMinimum => Type::Amount,
                Input::Hours => Type::Hours,
                Input::Coefficient => Type::Number,
            };
            return Some((ExprKind::Input(input), ty));
        }
        if let Some(f) = self.declared.facts.get(name).copied() {
            return self.fact_in_formula(rules, f, span);
        }
        if let Some(p) = self.declared.params.get(name).copied() {
            let ty = rules.params[p].ty;
            if ty == Type::Duration {
                let mismatch = Mismatch::DurationInFormula(name.to_string());
                self.report(Kind::TypeMismatch(mismatch), span);
                return None;
            }
            self.used_params.insert(p);
            return Some((ExprKind::Param(p), ty));
        }
        let kind = if self.declared.tables.contains_key(name) {
            Kind::TypeMismatch(Mismatch::TableWithoutRow(name.to_string()))
        } else {
            let known = || {
                let params = rules.params.iter().map(|p| p.name.as_str());
                params.chain(["heures", "coefficient", "minimum"])
            };
            let count = rules.params.len() + 3;
            self.unknown(Unknown::FormulaName, name, count, known)
        };
        self.report(kind, span);
        None
    }

    /// `table[key]`.
    fn lookup(
        &mut self,
        rules: &RuleSet,
        name: &Spanned<String>,
        key: &ast::Expr,
        inputs: &[Input],
    ) -> Option<(ExprKind, Type)> {
        let Some(t) = self.declared.tables.get(&name.node).copied() else {
            let names = || rules.tables.iter().map(|t| t.name.as_str());
            let unknown = self.unknown(Unknown::Table, &name.node, rules.tables.len(), names);
            self.report(unknown, name.span);
            return None;
        };
        let (key_expr, key_ty) = self.expr(rules, key, inputs)?;
        if key_ty != Type::Number {
            self.report(Kind::TypeMismatch(Mismatch::TableKey), key.span);
            return None;
        }
        self.used_tables.insert(t);
        Some((ExprKind::Lookup(t, Box::new(key_expr)), rules.tables[t].ty))
    }

    /// A divisor that is zero whatever the employee: a literal zero, or a
    /// parameter with a value of zero (every employee decided on that value's
    /// dates would be rejected).
    fn divisor(&mut self, rules: &RuleSet, divisor: &model::Expr) {
        let Some(cause) = zero_cause(divisor, &self.declared.zero_values) else {
            return;
        };
        let kind = match cause {
            Zero::Literal => Divisor::Literal,
            Zero::Parameter(p, date, value) => Divisor::Parameter {
                name: rules.params[p].name.clone(),
                date,
                value,
            },
        };
        self.report(Kind::DivisionByZero(kind), divisor.span);
    }
}

/// Why an expression is zero.
enum Zero {
    Literal,
    Parameter(ParamId, NaiveDate, Span),
}

/// Whether an expression is zero, as far as can be told without an employee:
/// a literal zero, a parameter with a zero value (`zeros`), a product of one.
fn zero_cause(e: &model::Expr, zeros: &HashMap<ParamId, (NaiveDate, Span)>) -> Option<Zero> {
    match &e.kind {
        ExprKind::Number(v) if v.is_zero() => Some(Zero::Literal),
        ExprKind::Param(p) => zeros
            .get(p)
            .map(|(date, at)| Zero::Parameter(*p, *date, *at)),
        ExprKind::Round(inner) | ExprKind::Neg(inner) => zero_cause(inner, zeros),
        ExprKind::Binary(BinaryOp::Mul, l, r) => {
            zero_cause(l, zeros).or_else(|| zero_cause(r, zeros))
        }
        _ => None,
    }
}

/// The parameters some formula of the rule set divides by: a value of zero given
/// to one of them from outside the file (`--set`) is refused as the file's would be.
pub(super) fn divisor_params(rules: &RuleSet) -> HashSet<ParamId> {
    fn walk(e: &model::Expr, out: &mut HashSet<ParamId>) {
        match &e.kind {
            ExprKind::Binary(op, l, r) => {
                if *op == BinaryOp::Div {
                    let mut every = HashSet::new();
                    params_in_product(r, &mut every);
                    out.extend(every);
                }
                walk(l, out);
                walk(r, out);
            }
            _ => e.children().into_iter().for_each(|c| walk(c, out)),
        }
    }
    let mut out = HashSet::new();
    let levels = rules.levels.iter().filter_map(|l| l.minimum.as_ref());
    let others = [&rules.reference_hours, &rules.maximum_hours]
        .into_iter()
        .flatten()
        .chain(rules.minimum_salary.as_ref().map(|m| &m.formula));
    for formula in levels.chain(others) {
        walk(formula, &mut out);
    }
    out
}

/// The parameters whose zero makes `e` zero (see [`zero_cause`]).
fn params_in_product(e: &model::Expr, out: &mut HashSet<ParamId>) {
    match &e.kind {
        ExprKind::Param(p) => {
            out.insert(*p);
        }
        ExprKind::Round(inner) | ExprKind::Neg(inner) => params_in_product(inner, out),
        ExprKind::Binary(BinaryOp::Mul, l, r) => {
            params_in_product(l, out);
            params_in_product(r, out);
        }
        _ => {}
    }
}

pub(super) fn builtin_input(name: &str) -> Option<Input> {
    match name {
        "heures" | "hours" => Some(Input::Hours),
        "coefficient" => Some(Input::Coefficient),
        // A position's key: its coefficient, or its rank in a grid without.
        "position" => Some(Input::Coefficient),
        "minimum" => Some(Input::LevelMinimum),
        _ => None,
    }
}

pub(super) fn mentions(e: &model::Expr, input: Input) -> bool {
    match &e.kind {
        ExprKind::Input(i) => *i == input,
        _ => e.children().into_iter().any(|c| mentions(c, input)),
    }
}

/// The type of `l op r`. Hours are numbers to a monthly amount (`minimum ×
/// heures / heures_reference` prorates it) and make an hourly amount monthly
/// (`12.00 €/h × heures`); a number added to hours is hours (`heures - 150`).
fn binary_type(op: BinaryOp, l: Type, r: Type) -> Option<Type> {
    use Type::*;
    match (op, l, r) {
        (_, Duration, _) | (_, _, Duration) => None,
        (BinaryOp::Add | BinaryOp::Sub, a, b) if a == b => Some(a),
        (BinaryOp::Add | BinaryOp::Sub, Hours, Number)
        | (BinaryOp::Add | BinaryOp::Sub, Number, Hours) => Some(Hours),
        (BinaryOp::Mul, Hourly, Hours) | (BinaryOp::Mul, Hours, Hourly) => Some(Amount),
        (BinaryOp::Mul, Amount, Hours) | (BinaryOp::Mul, Hours, Amount) => Some(Amount),
        (BinaryOp::Div, Amount, Hours) => Some(Amount),
        (BinaryOp::Mul, Hourly, Number) | (BinaryOp::Mul, Number, Hourly) => Some(Hourly),
        (BinaryOp::Div, Hourly, Number) => Some(Hourly),
        (BinaryOp::Mul, Hours, Number) | (BinaryOp::Mul, Number, Hours) => Some(Hours),
        (BinaryOp::Div, Hours, Number) => Some(Hours),
        (BinaryOp::Div, Hours, Hours) | (BinaryOp::Div, Hourly, Hourly) => Some(Number),
        (BinaryOp::Mul, Annual, Number) | (BinaryOp::Mul, Number, Annual) => Some(Annual),
        (BinaryOp::Div, Annual, Number) => Some(Annual),
        (BinaryOp::Div, Annual, Annual) => Some(Number),
        (BinaryOp::Mul, Amount, Number) | (BinaryOp::Mul, Number, Amount) => Some(Amount),
        (BinaryOp::Mul, Number, Number) => Some(Number),
        (BinaryOp::Div, Amount, Number) => Some(Amount),
        (BinaryOp::Div, Amount, Amount) | (BinaryOp::Div, Number, Number) => Some(Number),
        _ => None,
    }
}
