//! Formulas: names resolved, types checked.

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
            self.error(
                Diagnostic::error("grille::type-mismatch", e.span, format!("this formula gives {}, an amount is needed", type_name(ty)))
                    .label("not an amount")
                    .help("multiply by an amount parameter (e.g. `1.4 × smcc`) or write `€` after a number"),
            );
            return None;
        }
        Some(expr)
    }

    pub(super) fn number_formula(&mut self, rules: &RuleSet, e: &ast::Expr) -> Option<model::Expr> {
        let (expr, ty) = self.expr(rules, e, &[])?;
        if ty != Type::Number {
            self.error(
                Diagnostic::error(
                    "grille::type-mismatch",
                    e.span,
                    format!("this formula gives {}, a number is needed", type_name(ty)),
                )
                .label("not a number")
                .help("hours are plain numbers, without `€`"),
            );
            return None;
        }
        Some(expr)
    }

    pub(super) fn expr(
        &mut self,
        rules: &RuleSet,
        e: &ast::Expr,
        inputs: &[Input],
    ) -> Option<(model::Expr, Type)> {
        use ast::ExprKind as A;
        let (kind, ty) = match &e.kind {
            A::Number { value, euro } => (
                ExprKind::Number(*value),
                if *euro { Type::Amount } else { Type::Number },
            ),
            A::Name(name) => {
                if let Some(input) = builtin_input(name) {
                    if !inputs.contains(&input) {
                        self.error(
                            Diagnostic::error(
                                "grille::unknown-name",
                                e.span,
                                format!("`{name}` has no value here"),
                            )
                            .label("not available in this formula")
                            .help(input_help(input)),
                        );
                        return None;
                    }
                    let ty = if input == Input::LevelMinimum {
                        Type::Amount
                    } else {
                        Type::Number
                    };
                    (ExprKind::Input(input), ty)
                } else if let Some(p) = rules.param_index(name) {
                    let ty = rules.params[p].ty;
                    if ty == Type::Duration {
                        self.error(
                            Diagnostic::error(
                                "grille::type-mismatch",
                                e.span,
                                format!("`{name}` is a duration and cannot be used in a formula"),
                            )
                            .label("a duration")
                            .help("formulas compute amounts and numbers"),
                        );
                        return None;
                    }
                    self.used_params.insert(p);
                    (ExprKind::Param(p), ty)
                } else if rules.tables.iter().any(|t| &t.name == name) {
                    self.error(
                        Diagnostic::error(
                            "grille::type-mismatch",
                            e.span,
                            format!("`{name}` is a table: say which row"),
                        )
                        .label("a table")
                        .help(format!("write `{name}[coefficient]`")),
                    );
                    return None;
                } else {
                    let mut known: Vec<&str> =
                        rules.params.iter().map(|p| p.name.as_str()).collect();
                    known.extend(["heures", "coefficient", "minimum"]);
                    let help = did_you_mean(name, known, "parameter");
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            e.span,
                            format!("there is no parameter `{name}`"),
                        )
                        .label("unknown name")
                        .help(help),
                    );
                    return None;
                }
            }
            A::Lookup(name, key) => {
                let Some(t) = rules.tables.iter().position(|t| t.name == name.node) else {
                    let help = did_you_mean(
                        &name.node,
                        rules.tables.iter().map(|t| t.name.as_str()),
                        "table",
                    );
                    self.error(
                        Diagnostic::error(
                            "grille::unknown-name",
                            name.span,
                            format!("there is no table `{}`", name.node),
                        )
                        .label("unknown table")
                        .help(help),
                    );
                    return None;
                };
                let (key_expr, key_ty) = self.expr(rules, key, inputs)?;
                if key_ty != Type::Number {
                    self.error(
                        Diagnostic::error(
                            "grille::type-mismatch",
                            key.span,
                            "a table row is chosen by a coefficient",
                        )
                        .label("not a coefficient")
                        .help("write `table[coefficient]`"),
                    );
                    return None;
                }
                self.used_tables.insert(t);
                (ExprKind::Lookup(t, Box::new(key_expr)), rules.tables[t].ty)
            }
            A::Round(inner) => {
                let (inner, ty) = self.expr(rules, inner, inputs)?;
                (ExprKind::Round(Box::new(inner)), ty)
            }
            A::Neg(inner) => {
                let (inner, ty) = self.expr(rules, inner, inputs)?;
                (ExprKind::Neg(Box::new(inner)), ty)
            }
            A::Binary(op, left, right) => {
                let l = self.expr(rules, left, inputs);
                let r = self.expr(rules, right, inputs);
                let ((l, lt), (r, rt)) = (l?, r?);
                let Some(ty) = binary_type(*op, lt, rt) else {
                    self.error(
                        Diagnostic::error(
                            "grille::type-mismatch",
                            e.span,
                            format!("cannot {} {} and {}", op_verb(*op), type_name(lt), type_name(rt)),
                        )
                        .label("types do not fit")
                        .help("amounts add to amounts; an amount is multiplied or divided by a number"),
                    );
                    return None;
                };
                (ExprKind::Binary(*op, Box::new(l), Box::new(r)), ty)
            }
        };
        Some((model::Expr { span: e.span, kind }, ty))
    }
}

pub(super) fn builtin_input(name: &str) -> Option<Input> {
    match name {
        "heures" | "hours" => Some(Input::Hours),
        "coefficient" => Some(Input::Coefficient),
        "minimum" => Some(Input::LevelMinimum),
        _ => None,
    }
}

pub(super) fn input_help(input: Input) -> &'static str {
    match input {
        Input::Hours => "`heures` (the employee's monthly hours) is known in the `salaire minimum` formula only",
        Input::Coefficient => "`coefficient` is known in level minima and the `salaire minimum` formula",
        Input::LevelMinimum => "`minimum` (the level's full-time minimum) is known in the `salaire minimum` formula only",
    }
}

pub(super) fn mentions(e: &model::Expr, input: Input) -> bool {
    match &e.kind {
        ExprKind::Input(i) => *i == input,
        ExprKind::Lookup(_, inner) | ExprKind::Round(inner) | ExprKind::Neg(inner) => {
            mentions(inner, input)
        }
        ExprKind::Binary(_, l, r) => mentions(l, input) || mentions(r, input),
        ExprKind::Number(_) | ExprKind::Param(_) => false,
    }
}

pub(super) fn type_name(t: Type) -> &'static str {
    match t {
        Type::Amount => "an amount",
        Type::Number => "a number",
        Type::Duration => "a duration",
    }
}

pub(super) fn op_verb(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "add",
        BinaryOp::Sub => "subtract",
        BinaryOp::Mul => "multiply",
        BinaryOp::Div => "divide",
    }
}

pub(super) fn binary_type(op: BinaryOp, l: Type, r: Type) -> Option<Type> {
    use Type::*;
    match (op, l, r) {
        (_, Duration, _) | (_, _, Duration) => None,
        (BinaryOp::Add | BinaryOp::Sub, a, b) if a == b => Some(a),
        (BinaryOp::Mul, Amount, Number) | (BinaryOp::Mul, Number, Amount) => Some(Amount),
        (BinaryOp::Mul, Number, Number) => Some(Number),
        (BinaryOp::Div, Amount, Number) => Some(Amount),
        (BinaryOp::Div, Amount, Amount) | (BinaryOp::Div, Number, Number) => Some(Number),
        _ => None,
    }
}
