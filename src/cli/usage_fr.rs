//! clap's usage errors in French (clap writes its own in English): the kinds a
//! person meets (a flag mistyped, a value refused, an argument missing, a
//! command unknown) are rewritten from the error's context; any other kind
//! keeps clap's words. `--lang en`, or an English locale, keeps clap's text.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The error in French, or `None` for a kind left to clap.
pub(super) fn render(e: &clap::Error) -> Option<String> {
    let value = |kind| e.get(kind).map(plain);
    let first = match e.kind() {
        ErrorKind::UnknownArgument => {
            format!("argument inattendu `{}`", value(ContextKind::InvalidArg)?)
        }
        ErrorKind::InvalidValue => {
            let mut text = format!(
                "valeur `{}` invalide pour `{}`",
                value(ContextKind::InvalidValue)?,
                value(ContextKind::InvalidArg)?
            );
            if let Some(valid) = value(ContextKind::ValidValue) {
                text.push_str(&format!("\n  [valeurs possibles : {valid}]"));
            }
            text
        }
        ErrorKind::ValueValidation => {
            // The reason is grille's own (a value parser's), already in French.
            let reason = std::error::Error::source(e).map(ToString::to_string);
            format!(
                "valeur `{}` invalide pour `{}`{}",
                value(ContextKind::InvalidValue)?,
                value(ContextKind::InvalidArg)?,
                reason.map(|r| format!(" : {r}")).unwrap_or_default()
            )
        }
        ErrorKind::MissingRequiredArgument => format!(
            "arguments obligatoires manquants :\n  {}",
            value(ContextKind::InvalidArg)?.replace(", ", "\n  ")
        ),
        ErrorKind::InvalidSubcommand => format!(
            "commande `{}` inconnue",
            value(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::ArgumentConflict => format!(
            "l'argument `{}` ne peut pas être donné avec `{}`",
            value(ContextKind::InvalidArg)?,
            value(ContextKind::PriorArg)?
        ),
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues => return None,
        _ => return None,
    };
    let mut out = format!("erreur : {first}\n");
    if let Some(suggested) = value(ContextKind::SuggestedArg)
        .or_else(|| value(ContextKind::SuggestedValue))
        .or_else(|| value(ContextKind::SuggestedSubcommand))
    {
        out.push_str(&format!("\n  astuce : essayez `{suggested}`\n"));
    }
    if let Some(usage) = value(ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim_start();
        out.push_str(&format!("\nUtilisation : {usage}\n"));
    }
    out.push_str("\nPour en savoir plus, essayez `--help`.\n");
    Some(out)
}

/// A context value as plain text, lists joined by commas.
fn plain(value: &ContextValue) -> String {
    match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(all) => all.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(all) => all
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        ContextValue::None => String::new(),
        _ => String::new(),
    }
}
