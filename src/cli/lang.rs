//! The language a command speaks to people in: `--lang`, else the locale.

/// The language a command speaks to people in, once chosen ([`set_lang`]).
static LANG: std::sync::OnceLock<grille::catalogue::Lang> = std::sync::OnceLock::new();

/// The language of what the command says to a person: its `--lang`, else the
/// locale's ([`locale_lang`]).
pub(crate) fn lang() -> grille::catalogue::Lang {
    *LANG.get_or_init(|| locale_lang(|name| std::env::var(name).ok()))
}

/// Fixes the language before the flags are parsed (`--lang` read from the
/// raw arguments, else the locale): a flag's parser says its errors in it.
pub(crate) fn fix(lang: grille::catalogue::Lang) {
    let _ = LANG.set(lang);
}

/// Chooses the language from the command's `--lang` (the locale's when absent)
/// and returns it.
pub(crate) fn set_lang(arg: Option<super::LangArg>) -> grille::catalogue::Lang {
    if let Some(arg) = arg {
        // Set once, at the command's start: nothing has read it before.
        let _ = LANG.set(arg.into());
    }
    lang()
}

/// The locale's language, as `gettext` looks for it: the first of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that is set and not empty; English when it starts with
/// `en`, French otherwise (the people grille is for read French).
pub(crate) fn locale_lang(var: impl Fn(&str) -> Option<String>) -> grille::catalogue::Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.to_ascii_lowercase().starts_with("en") => grille::catalogue::Lang::En,
        _ => grille::catalogue::Lang::Fr,
    }
}

#[cfg(test)]
mod tests {
    use super::locale_lang;
    use grille::catalogue::Lang;

    fn with(vars: &[(&str, &str)]) -> Lang {
        locale_lang(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        assert_eq!(with(&[]), Lang::Fr);
        assert_eq!(with(&[("LANG", "C.UTF-8")]), Lang::Fr);
        assert_eq!(with(&[("LANG", "fr_FR.UTF-8")]), Lang::Fr);
        assert_eq!(with(&[("LANG", "en_GB.UTF-8")]), Lang::En);
        assert_eq!(
            with(&[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "fr_FR")]),
            Lang::Fr
        );
        assert_eq!(
            with(&[("LANG", "fr_FR"), ("LC_ALL", "en_US.UTF-8")]),
            Lang::En
        );
        // An empty variable is as if unset.
        assert_eq!(with(&[("LC_ALL", ""), ("LANG", "en_US")]), Lang::En);
    }
}
