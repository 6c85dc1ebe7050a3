//! Reading the files of a layered rule set, following the links between them.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::{merge, Layer, Layered, Options, Role};
use crate::diag::{Code, Diagnostic, SourceFile};
use crate::sources::Sources;
use crate::span::Span;
use crate::syntax::ast::{AgreementKind, Item, LayerLink, RuleFile};

/// Where rule files come from: the disk for the command line, memory for a
/// server or a test. The only I/O loading does.
pub trait Files {
    /// The text of the file at `path`, or why it cannot be read.
    fn read(&self, path: &Path) -> Result<String, String>;
}

/// Why a file cannot be read, in French, for the reasons [`Disk`] gives (the
/// others, from the system, are shown as they come).
fn why_fr(why: &str) -> String {
    match why {
        "no such file" => "fichier introuvable".to_string(),
        "permission denied" => "accès refusé".to_string(),
        _ => match why.strip_prefix("it is not UTF-8 text (byte ") {
            Some(rest) => format!(
                "ce n'est pas du texte UTF-8 (octet {} ; enregistrez-le en UTF-8",
                rest.trim_end_matches("; save it as UTF-8")
            ),
            None => why.to_string(),
        },
    }
}

/// Rule files on disk.
pub struct Disk;

impl Files for Disk {
    fn read(&self, path: &Path) -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        })?;
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "it is not UTF-8 text (byte {}); save it as UTF-8",
                e.utf8_error().valid_up_to()
            )
        })
    }
}

/// Rule files held in memory, by path.
#[derive(Debug, Clone, Default)]
pub struct InMemory(pub HashMap<PathBuf, String>);

impl InMemory {
    pub fn with(mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        self.0.insert(normalize(&path.into()), text.into());
        self
    }
}

impl Files for InMemory {
    fn read(&self, path: &Path) -> Result<String, String> {
        self.0
            .get(&normalize(path))
            .cloned()
            .ok_or_else(|| "no such file".to_string())
    }
}

/// One file read and parsed.
pub(super) struct Parsed {
    pub path: PathBuf,
    pub ast: RuleFile,
    pub kind: AgreementKind,
    pub title: String,
}

struct Loader<'f> {
    files: &'f dyn Files,
    sources: Option<Sources>,
    parsed: Vec<Parsed>,
    diagnostics: Vec<Diagnostic>,
}

/// Reads the rule file at `path` and every file it stands on, and resolves
/// their layers. `Err`: the named file itself cannot be read. Syntax errors and
/// broken links are diagnostics of the result.
pub fn load(files: &dyn Files, path: &Path, options: Options) -> Result<Layered, String> {
    let mut loader = Loader {
        files,
        sources: None,
        parsed: Vec::new(),
        diagnostics: Vec::new(),
    };
    let text = files.read(path)?;
    let main = loader.add(path, text);
    let kind = loader.parsed[main].kind;
    let agreement = match kind {
        AgreementKind::Company => loader.follow_within(main),
        AgreementKind::Law => None,
        AgreementKind::Branch => Some(main),
    };
    let chain = agreement.map_or_else(Vec::new, |top| loader.amended_chain(top));
    let law = match (kind, options.agreement_only) {
        (AgreementKind::Law, _) => Some(main),
        (_, true) => None,
        // A company agreement may name the law too: the same one as its agreement's.
        (AgreementKind::Company, false) => {
            let files: Vec<usize> = std::iter::once(main).chain(chain.iter().copied()).collect();
            loader.law_of(&files)
        }
        (_, false) => loader.law_of(&chain),
    };
    let company = (kind == AgreementKind::Company).then_some(main);
    let layers = loader.layers(main, &chain, law);
    let sources = loader
        .sources
        .take()
        .unwrap_or_else(|| Sources::one(SourceFile::new("", "")));
    if loader.diagnostics.iter().any(Diagnostic::is_error) {
        return Ok(Layered {
            sources,
            kind,
            items: Vec::new(),
            company: Vec::new(),
            layers,
            transitional: HashMap::new(),
            diagnostics: loader.diagnostics,
        });
    }
    let merged = merge::merge(&loader.parsed, &chain, law, company);
    let mut diagnostics = loader.diagnostics;
    diagnostics.extend(merged.diagnostics);
    Ok(Layered {
        sources,
        kind,
        items: merged.items,
        company: merged.company,
        layers,
        transitional: merged.transitional,
        diagnostics,
    })
}

impl Loader<'_> {
    /// Parses a file's text at the next offset; returns its index.
    fn add(&mut self, path: &Path, text: String) -> usize {
        let text = text
            .strip_prefix('\u{FEFF}')
            .map(str::to_string)
            .unwrap_or(text);
        let file = SourceFile::new(path.to_string_lossy().as_ref(), text.as_str());
        let base = match &mut self.sources {
            None => {
                self.sources = Some(Sources::one(file));
                0
            }
            Some(sources) => sources.push(file),
        };
        let ast = match crate::syntax::parse_at(&text, base) {
            Ok(ast) => ast,
            Err(diagnostics) => {
                self.diagnostics.extend(diagnostics);
                RuleFile {
                    items: Vec::new(),
                    trivia: Vec::new(),
                }
            }
        };
        let header = ast.items.iter().find_map(|i| match i {
            Item::Agreement(a) => Some(a),
            _ => None,
        });
        let (kind, title) = header.map_or((AgreementKind::Branch, String::new()), |a| {
            (a.kind.node, a.title.node.clone())
        });
        self.parsed.push(Parsed {
            path: path.to_path_buf(),
            ast,
            kind,
            title,
        });
        self.parsed.len() - 1
    }

    /// Reads the file a link names, relative to the naming file; `None` when it
    /// cannot be read, or is already in `seen` (a cycle), with a diagnostic.
    fn follow(&mut self, from: usize, link: &LayerLink, seen: &[usize]) -> Option<usize> {
        let dir = self.parsed[from].path.parent().unwrap_or(Path::new(""));
        let path = normalize(&dir.join(&link.path.node));
        if let Some(&again) = seen
            .iter()
            .find(|&&i| normalize(&self.parsed[i].path) == path)
        {
            let names: Vec<String> = seen
                .iter()
                .chain(std::iter::once(&again))
                .map(|&i| format!("`{}`", self.parsed[i].path.display()))
                .collect();
            self.diagnostics.push(
                Diagnostic::error(
                    Code::LayerCycle,
                    link.path.span,
                    (
                        format!(
                            "des fichiers de règles reposent les uns sur les autres en cercle : {}",
                            names.join(" → ")
                        ),
                        format!(
                            "rule files stand on each other in a circle: {}",
                            names.join(" → ")
                        ),
                    ),
                )
                .label(("ce lien ferme le cercle", "this link closes the circle"))
                .help((
                    "un avenant modifie un texte antérieur, jamais un texte qui le modifie",
                    "an amendment amends an earlier text, never one that amends it",
                )),
            );
            return None;
        }
        if let Some(known) = self.parsed.iter().position(|p| normalize(&p.path) == path) {
            return Some(known);
        }
        match self.files.read(&path) {
            Ok(text) => Some(self.add(&path, text)),
            Err(why) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::MissingLayer,
                        link.path.span,
                        (
                            format!("impossible de lire `{}` : {}", path.display(), why_fr(&why)),
                            format!("cannot read `{}`: {why}", path.display()),
                        ),
                    )
                    .label(("nommé ici", "named here"))
                    .help((
                        "le chemin part du dossier du fichier qui le nomme",
                        "the path is relative to the folder of the file that names it",
                    )),
                );
                None
            }
        }
    }

    /// The file a company agreement stands within.
    fn follow_within(&mut self, company: usize) -> Option<usize> {
        let link = self.single_link(company, |i| match i {
            Item::Within(l) => Some(l.clone()),
            _ => None,
        });
        let Some(link) = link else {
            let span = self.header_span(company);
            self.diagnostics.push(
                Diagnostic::error(
                    Code::MissingLayer,
                    span,
                    (
                        "un accord d'entreprise doit dire dans le cadre de quelle convention de branche il s'inscrit",
                        "a company agreement must say which branch agreement it stands within",
                    ),
                )
                .help((
                    "ajoutez `dans le cadre de \"…/la-convention-de-branche.grille\"`",
                    "add `dans le cadre de \"…/the-branch-agreement.grille\"`",
                )),
            );
            return None;
        };
        let target = self.follow(company, &link, &[company])?;
        self.expect_kind(target, AgreementKind::Branch, &link, "dans le cadre de")
            .then_some(target)
    }

    /// The agreement named first, then each file it amends, in turn.
    fn amended_chain(&mut self, top: usize) -> Vec<usize> {
        let mut chain = vec![top];
        loop {
            let current = chain[chain.len() - 1];
            let link = self.single_link(current, |i| match i {
                Item::Amends(a) => Some(LayerLink {
                    span: a.span,
                    path: a.path.clone(),
                    source: None,
                }),
                _ => None,
            });
            let Some(link) = link else { break };
            let Some(base) = self.follow(current, &link, &chain) else {
                break;
            };
            if !self.expect_kind(base, AgreementKind::Branch, &link, "modifie") {
                break;
            }
            chain.push(base);
        }
        chain
    }

    /// The law the agreement stands under: the first that a file of the chain names.
    fn law_of(&mut self, chain: &[usize]) -> Option<usize> {
        let mut law: Option<(usize, PathBuf)> = None;
        for &file in chain {
            let link = self.single_link(file, |i| match i {
                Item::UnderLaw(l) => Some(l.clone()),
                _ => None,
            });
            let Some(link) = link else { continue };
            let Some(target) = self.follow(file, &link, &[file]) else {
                continue;
            };
            if !self.expect_kind(target, AgreementKind::Law, &link, "sous la loi") {
                continue;
            }
            let path = normalize(&self.parsed[target].path);
            match &law {
                None => law = Some((target, path)),
                Some((_, first)) if *first == path => {}
                Some((first, _)) => self.diagnostics.push(
                    Diagnostic::error(
                        Code::LayerConflict,
                        link.path.span,
                        (
                            format!(
                                "ce fichier repose sur une autre loi que le fichier qui le modifie (`{}`)",
                                self.parsed[*first].path.display()
                            ),
                            format!(
                                "this file stands under another law than the file amending it (`{}`)",
                                self.parsed[*first].path.display()
                            ),
                        ),
                    )
                    .help((
                        "tous les fichiers d'un jeu de règles modifié reposent sur le même fichier de loi",
                        "every file of an amended rule set stands under the same law file",
                    )),
                ),
            }
        }
        law.map(|(i, _)| i)
    }

    /// The one link of a kind a file has; a second one is an error.
    fn single_link(
        &mut self,
        file: usize,
        pick: impl Fn(&Item) -> Option<LayerLink>,
    ) -> Option<LayerLink> {
        let links: Vec<LayerLink> = self.parsed[file]
            .ast
            .items
            .iter()
            .filter_map(pick)
            .collect();
        for extra in links.iter().skip(1) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Duplicate,
                    extra.span,
                    (
                        "un fichier de règles nomme un seul fichier de chaque sorte sur lequel il repose",
                        "a rule file names one file of each kind to stand on",
                    ),
                )
                .related(links[0].span, ("nommé d'abord ici", "first named here"))
                .help(("retirez l'un des deux", "remove one of the two")),
            );
        }
        links.into_iter().next()
    }

    fn expect_kind(
        &mut self,
        file: usize,
        kind: AgreementKind,
        link: &LayerLink,
        clause: &str,
    ) -> bool {
        if self.parsed[file].kind == kind {
            return true;
        }
        let (wanted_fr, wanted_en) = match kind {
            AgreementKind::Law => (
                "un fichier de loi (`loi \"…\"`)",
                "a law file (`loi \"…\"`)",
            ),
            AgreementKind::Branch => (
                "une convention de branche (`convention \"…\"`)",
                "a branch agreement (`convention \"…\"`)",
            ),
            AgreementKind::Company => ("un accord d'entreprise", "a company agreement"),
        };
        let path = self.parsed[file].path.display();
        self.diagnostics.push(
            Diagnostic::error(
                Code::LayerKind,
                link.path.span,
                (
                    format!("`{clause}` nomme {wanted_fr}, et `{path}` n'en est pas un"),
                    format!("`{clause}` names {wanted_en}, and `{path}` is not one"),
                ),
            )
            .help((
                "vérifiez le fichier nommé, et le mot-clé qui ouvre son en-tête",
                "check the file named, and the keyword its header opens with",
            )),
        );
        false
    }

    fn header_span(&self, file: usize) -> Span {
        self.parsed[file]
            .ast
            .items
            .iter()
            .find_map(|i| match i {
                Item::Agreement(a) => Some(a.span),
                _ => None,
            })
            .unwrap_or_default()
    }

    fn layers(&self, main: usize, chain: &[usize], law: Option<usize>) -> Vec<Layer> {
        let layer = |i: usize, role: Role| Layer {
            kind: self.parsed[i].kind,
            role,
            title: self.parsed[i].title.clone(),
            path: self.parsed[i].path.display().to_string(),
        };
        let mut out = vec![layer(main, Role::Named)];
        for (n, &file) in chain.iter().enumerate() {
            if file != main {
                out.push(layer(
                    file,
                    if n == 0 {
                        Role::Agreement
                    } else {
                        Role::Amended
                    },
                ));
            }
        }
        if let Some(law) = law.filter(|&l| l != main) {
            out.push(layer(law, Role::Law));
        }
        out
    }
}

/// A path with `.` and `..` resolved as written, without asking the disk.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
