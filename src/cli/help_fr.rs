//! `--help` in French (the default): the commands' and flags' help, written in
//! English beside the code (the doc comments clap reads, shown with `--lang en`
//! or an English locale), here in French, put over them through clap's builder
//! before the command line is read. A test fails when a command or a flag has
//! no French help.

use clap::Command;

/// The top command's words in French: what it is, how to start, the exit codes.
const ABOUT: &str =
    "Classe les salariés selon les règles de classification d'une convention collective";
const LONG_ABOUT: &str = "grille lit un fichier de règles (la grille de classification, les métiers, \
les planchers et les règles de temps d'une convention collective, écrits dans le langage grille) et \
décide, pour chaque salarié, le coefficient, le niveau, la catégorie, le statut et le salaire minimum \
auxquels les règles lui donnent droit.\n\n\
Pour commencer :\n  grille check rules/cgt-2008.grille\n  grille eval rules/cgt-2008.grille examples/workforce.json --as-of 2026-11-29\n  \
grille diff rules/idcc2098-2002.grille rules/cgt-2008.grille examples/workforce.json --as-of 2026-11-29";
const AFTER_HELP: &str = "Codes de sortie : 0 succès (aussi quand le lecteur de la sortie est parti) ; \
1 erreurs dans les règles ou enregistrements rejetés ; 2 erreurs d'utilisation, ou une sortie qui ne \
peut pas être écrite.";

const LANG: &str = "Langue : `fr` ou `en` (par défaut, celle de la locale : anglais quand LC_ALL, \
LC_MESSAGES ou LANG commence par `en`, français sinon)";

/// Each command: its name and what it does.
const COMMANDS: &[(&str, &str)] = &[
    ("check", "Vérifie des fichiers de règles : chaque erreur et chaque avertissement, avec sa ligne et sa colonne"),
    ("eval", "Décide chaque salarié d'un fichier de faits selon un fichier de règles"),
    ("explain", "Explique pas à pas la décision d'un salarié, en citant les règles"),
    ("test", "Exécute les exemples écrits dans les fichiers de règles (`exemple … attendu : …`)"),
    ("fmt", "Réécrit des fichiers de règles dans la mise en page canonique, en gardant chaque commentaire"),
    ("sample", "Écrit un effectif synthétique reproductible (faits de salariés) tiré des fichiers de règles"),
    ("diff", "Compare deux jeux de règles : le comparatif des règles et, avec des faits, l'effet sur un effectif"),
    ("doc", "Écrit le jeu de règles comme un document : un HTML autonome, une section par déclaration, imprimable en A4"),
    ("replay", "Rappel de salaire mois par mois pour un classement contesté, avec la prescription (READING §12)"),
    ("serve", "Ouvre l'atelier de négociation : une page web locale pour modifier un fichier de règles et en voir l'effet"),
];

/// The flags many commands share, by their id.
const SHARED: &[(&str, &str)] = &[
    ("lang", LANG),
    ("as_of", "Date d'évaluation (AAAA-MM-JJ ou JJ/MM/AAAA) ; aujourd'hui si absente"),
    ("input_format", "Format du fichier de faits, quand son extension ne le dit pas"),
    ("delimiter", "Séparateur des champs CSV (`;`, `,`, `tab`…) ; par défaut, celui de la ligne d'en-tête"),
    ("encoding", "Encodage du texte CSV ; par défaut UTF-8, ou Windows-1252 (avec un avertissement) quand ce n'est pas de l'UTF-8"),
    ("columns", "Colonnes CSV qui portent les champs, quand grille ne connaît pas les noms de l'en-tête : `id=Matricule,job=Emploi`, ou un fichier avec une paire `champ = Colonne` par ligne"),
    ("set", "Remplace un paramètre pour cette exécution, par exemple `--set smcc=1850.00` (répétable)"),
    ("agreement_only", "La convention telle qu'écrite, sans la loi au-dessus (le SMIC, les durées maximales d'essai) : pour la lecture et la comparaison"),
    ("output", "Écrit dans FICHIER au lieu de la sortie standard (un fichier temporaire du même dossier, renommé une fois complet)"),
    ("format", "Format de sortie"),
];

/// The flags of one command, by command and id, where they differ from [`SHARED`].
const OWN: &[(&str, &str, &str)] = &[
    ("check", "files", "Fichiers de règles à vérifier"),
    ("check", "format", "`human` (rendu avec les lignes du texte) ou `json` (pour les outils, sur la sortie standard)"),
    ("check", "as_of", "Avertit aussi, pour un jeu de règles sous la loi, de chaque niveau dont le minimum est sous le SMIC ce jour-là (AAAA-MM-JJ ou JJ/MM/AAAA)"),
    ("check", "radar", "Pour un jeu de règles sous la loi, une ligne par niveau : les périodes où son minimum était sous le SMIC, de la première valeur datée à --as-of (aujourd'hui par défaut)"),
    ("check", "verbose", "Montre chaque avertissement avec ses lignes du texte (par défaut, une ligne chacun, groupés)"),
    ("eval", "rules", "Le fichier de règles, par exemple rules/cgt-2008.grille"),
    ("eval", "facts", "Les faits des salariés : tableau JSON, JSON Lines ou CSV (selon l'extension ; `-` lit l'entrée standard)"),
    ("eval", "csv_fr", "CSV comme l'ouvrent les tableurs français : `;`, virgule décimale, dates jour en tête, en-têtes français, marque d'ordre des octets UTF-8"),
    ("eval", "output", "Écrit les décisions dans FICHIER au lieu de la sortie standard (un fichier temporaire du même dossier, renommé une fois complet)"),
    ("eval", "strict", "S'arrête au premier enregistrement rejeté, après l'avoir signalé (code de sortie 1)"),
    ("eval", "explain", "Joint la trace de chaque décision (formats JSON)"),
    ("eval", "quiet", "Ne répète pas le nombre d'avertissements du fichier de règles (`grille check` les montre)"),
    ("explain", "rules", "Le fichier de règles"),
    ("explain", "facts", "Les faits des salariés (tableau JSON, JSON Lines ou CSV)"),
    ("explain", "id", "Le salarié à expliquer"),
    ("explain", "run_on", "Le jour où l'explication est faite, que nomme son en-tête (AAAA-MM-JJ) ; `GRILLE_RUN_ON` s'il est donné, sinon aujourd'hui. Les tests le fixent pour rester reproductibles"),
    ("explain", "why_not", "Que faudrait-il pour atteindre ceci : un coefficient (220), un niveau (`niveau 4`) ou une tranche (`senior`)"),
    ("explain", "format", "`text` pour une personne, `json` pour les outils (la trace comme données)"),
    ("explain", "set", "Remplace un paramètre pour cette exécution (répétable)"),
    ("test", "files", "Fichiers de règles dont exécuter les exemples"),
    ("fmt", "files", "Fichiers de règles à réécrire sur place ; `-` lit l'entrée standard et écrit la sortie standard"),
    ("fmt", "check", "N'écrit rien : nomme les fichiers dont la mise en page changerait, et sort avec 1 s'il y en a"),
    ("sample", "rules", "Un fichier de règles où puiser ; répétez-le pour tirer des noms que chaque fichier reconnaît. Le premier décide chaque salarié"),
    ("sample", "employees", "Combien de salariés (identifiants S0000001, S0000002…)"),
    ("sample", "seed", "La graine : la même graine et les mêmes options donnent la même sortie, octet pour octet"),
    ("sample", "output", "Écrit dans ce fichier (de façon atomique : rien n'est laissé à moitié écrit) ; la sortie standard si absent"),
    ("sample", "format", "Format de sortie quand l'extension du fichier (.json, .jsonl, .csv) ne le dit pas ; jsonl par défaut. Le CSV omet les missions et les mutations"),
    ("sample", "as_of", "La date pour laquelle l'échantillon est tiré (AAAA-MM-JJ) : les embauches la précèdent ; aujourd'hui si absente. Donnez-la pour les mêmes octets un autre jour"),
    ("sample", "history_months", "Avec les bulletins des N mois avant --as-of, pour `grille replay` (JSON Lines seulement)"),
    ("sample", "history_full", "Avec --history-months : chaque salarié embauché avant le premier de ces mois et payé chaque mois"),
    ("diff", "base", "Le fichier de règles de base (les règles en vigueur), par exemple rules/idcc2098-2002.grille"),
    ("diff", "proposal", "Le fichier de règles de la proposition, par exemple rules/cgt-2008.grille"),
    ("diff", "facts", "Les faits des salariés décidés sous les deux (tableau JSON, JSON Lines ou CSV ; `-` lit l'entrée standard). Sans eux, seul le comparatif des règles"),
    ("diff", "as_of", "Date d'évaluation (AAAA-MM-JJ) des deux jeux de règles ; aujourd'hui si absente"),
    ("diff", "format", "`text` (résumé au terminal), `json` (tout), `csv` (une ligne par salarié), `html` (rapport à partager), `xlsx` (un classeur : les salariés, la synthèse, par métier, par tranche ; donnez --output FICHIER.xlsx)"),
    ("diff", "lang", "Langue de ce qui est dit sur la sortie d'erreur : `fr` ou `en` (par défaut, celle de la locale : anglais quand LC_ALL, LC_MESSAGES ou LANG commence par `en`, français sinon). Les rapports sont en français"),
    ("diff", "csv_fr", "Le tableau des salariés comme l'ouvrent les tableurs français : `;`, virgule décimale, dates jour en tête, en-têtes français, noms pour les personnes, marque d'ordre des octets UTF-8"),
    ("diff", "set", "Remplace un paramètre dans les deux jeux de règles, par exemple `--set smcc=1850.00` (répétable)"),
    ("diff", "set_base", "Remplace un paramètre dans la base seulement (répétable)"),
    ("diff", "set_proposal", "Remplace un paramètre dans la proposition seulement (répétable)"),
    ("diff", "agreement_only", "Compare les conventions telles qu'écrites, sans la loi au-dessus (le SMIC…)"),
    ("diff", "scenario", "Un scénario de la proposition, `NOM:param=valeur[,param=valeur]`, par exemple `smcc-1850:smcc=1850.00` (répétable) : chaque salarié est aussi décidé sous chacun, et les rapports les montrent côte à côte"),
    ("diff", "base_from_facts", "Pour un salarié que la base rejette, le `coefficient` des faits (celui qu'applique l'employeur) tient lieu d'« avant », marqué comme tel"),
    ("diff", "set_cost", "Un paramètre de coût : `taux_charges=0.42` ajoute aux coûts une estimation des cotisations patronales"),
    ("diff", "top", "Combien des plus grands changements (et des enregistrements d'un seul côté) lister"),
    ("doc", "rules", "Le fichier de règles (les fichiers sur lesquels il repose sont lus avec lui)"),
    ("doc", "as_of", "Le jour dont les valeurs sont montrées en vigueur (AAAA-MM-JJ) ; aujourd'hui si absent"),
    ("replay", "rules", "Le fichier de règles, par exemple rules/idcc2098-2002.grille (avec les couches sur lesquelles il repose)"),
    ("replay", "facts", "Les faits des salariés avec leur historique : tableau JSON ou JSON Lines (`-` lit l'entrée standard)"),
    ("replay", "pay", "Les bulletins dans un fichier à part (CSV ou JSON Lines : id, month, salary, hours?, coefficient?), joints par id"),
    ("replay", "from", "Premier mois rejoué (AAAA-MM)"),
    ("replay", "to", "Dernier mois rejoué (AAAA-MM), inclus"),
    ("replay", "claim_on", "Le jour où la demande est faite (AAAA-MM-JJ) : la prescription se compte à partir de lui ; aujourd'hui si absent"),
    ("replay", "ids", "Ne rejoue que ce salarié (répétable) ; par défaut, chaque salarié du fichier"),
    ("replay", "format", "Format de sortie : text (par défaut), json, jsonl, csv, xlsx (un classeur : donnez --output FICHIER.xlsx), ou html (le dossier de demande d'un salarié)"),
    ("replay", "csv_fr", "CSV comme l'ouvrent les tableurs français : `;`, virgule décimale, dates jour en tête, en-têtes et avertissements français, marque d'ordre des octets UTF-8"),
    ("replay", "lang", "Langue de la sortie texte"),
    ("serve", "rules", "Le fichier de règles à modifier (les fichiers sur lesquels il repose sont lus avec lui)"),
    ("serve", "facts", "Un effectif (JSON, JSON Lines ou CSV) dont la page montre les décisions"),
    ("serve", "listen", "Écoute à cette adresse au lieu de 127.0.0.1 sur un port libre, par exemple 127.0.0.1:8080"),
    ("eval", "set", "Remplace un paramètre pour cette exécution, par exemple `--set smcc=1850.00` (répétable)"),
    ("explain", "as_of", "Date d'évaluation (AAAA-MM-JJ) ; aujourd'hui si absente"),
];

/// `sample`'s long help, in French.
const SAMPLE_LONG_ABOUT: &str = "Écrit un effectif synthétique : N salariés aux faits réalistes \
(facts.md), pour les exemples, les mesures et les démonstrations. La même graine et les mêmes options \
donnent les mêmes octets ; une autre graine donne d'autres personnes.\n\n\
Tout vient des fichiers de règles, rien du programme : noms et appellations des métiers, diplômes, \
coefficients, horaire de référence, plafond des missions. Le premier fichier de règles décide chaque \
salarié tiré (aucun n'est rejeté) et donne le salaire minimum autour duquel chacun est payé.\n\n\
Qui est tiré :\n  \
- métiers : le premier métier du premier fichier pour environ 55 % des salariés (ses appellations \
comprises), le deuxième environ 20 %, les autres se partagent le reste ; les noms comme la paie les \
écrit, parfois en capitales ou sans accents (\"TELECONSEILLER\") ;\n  \
- avec plusieurs --rules, les noms que chaque fichier reconnaît sont préférés, pour que `grille eval` \
décide la plus grande part de l'échantillon sous chaque fichier ;\n  \
- embauchés dans les 12 dernières années, surtout récemment ; 15 % avec des mois antérieurs dans le \
métier ; les diplômes du premier fichier, surtout le diplôme d'accueil du métier ou le troisième \
déclaré (bac dans les fichiers livrés) ;\n  \
- 8 % avec un coefficient du secteur précédent, 20 % à temps partiel, 30 % avec le coefficient \
appliqué (certains un échelon sous celui décidé) ;\n  \
- salaire : le minimum × 1,00 à 1,25, au centime ; 5 % sont payés sous le minimum ;\n  \
- JSON et JSON Lines seulement : 5 % avec 1 à 3 missions (certaines au-delà du plafond des \
missions), 4 % arrivés dans leur métier par mutation (quelques essais renouvelés, quelques-uns \
rompus).";

/// `sample`'s examples, in French.
const SAMPLE_AFTER_HELP: &str = "Exemples :\n  \
grille sample --rules rules/cgt-2008.grille --employees 100000 --seed 7 --output big.jsonl\n  \
grille eval rules/cgt-2008.grille big.jsonl --format jsonl > decisions.jsonl\n  \
grille sample --rules rules/cgt-2008.grille --rules rules/idcc2098-2002.grille \\\n      \
--employees 1000 --seed 1 --as-of 2026-11-29 --output both.json\n  \
grille sample --rules rules/cgt-2008.grille --employees 20 --seed 3 --format csv\n\n\
Le CSV ne porte ni missions ni mutations (facts.md) : un échantillon CSV est tiré sans elles ; ses \
autres champs sont ceux de l'échantillon JSON de la même graine (les salaires peuvent différer là où \
une mission a relevé le minimum).";

/// The French help of a command's flag, if it has one.
pub(super) fn flag(command: &str, id: &str) -> Option<&'static str> {
    OWN.iter()
        .find(|(c, i, _)| *c == command && *i == id)
        .map(|(_, _, help)| *help)
        .or_else(|| SHARED.iter().find(|(i, _)| *i == id).map(|(_, help)| *help))
}

/// The command line's help in French: every command's about, every flag's
/// help (the long ones too, so `--help` and `-h` say the same), and clap's own
/// headings and flags.
pub(super) fn french(cmd: Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut cmd = with_french_builtins(cmd)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("Affiche la version"),
        )
        .about(ABOUT)
        .long_about(LONG_ABOUT)
        .after_help(AFTER_HELP)
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE");
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| french_command(&name, sub));
    }
    cmd
}

fn french_command(name: &str, sub: Command) -> Command {
    let ids: Vec<String> = sub
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let about = COMMANDS.iter().find(|(c, _)| *c == name).map(|(_, a)| *a);
    let mut sub = with_french_builtins(sub)
        .about(about)
        .long_about(None::<&str>);
    if name == "sample" {
        sub = sub
            .long_about(SAMPLE_LONG_ABOUT)
            .after_help(SAMPLE_AFTER_HELP);
    }
    for id in ids {
        if let Some(help) = flag(name, &id) {
            sub = sub.mut_arg(&id, |a| french_arg(a, help));
        }
    }
    sub
}

/// A flag with its French help; its values listed without their English
/// descriptions (the French help says what they are).
fn french_arg(arg: clap::Arg, help: &str) -> clap::Arg {
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let described = arg
        .get_possible_values()
        .iter()
        .any(|v| v.get_help().is_some());
    if values.is_empty() || !described {
        return arg.help(help.to_string()).long_help(None::<&str>);
    }
    arg.hide_possible_values(true)
        .help(format!("{help} [valeurs : {}]", values.join(", ")))
        .long_help(None::<&str>)
}

/// clap's headings, and `-h` / `-V` with French help.
fn with_french_builtins(cmd: Command) -> Command {
    cmd.help_template(
        "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}",
    )
    .disable_help_flag(true)
    .arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help("Affiche l'aide"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and every flag has its French help: a flag added in
    /// English only fails here.
    #[test]
    fn every_command_and_flag_is_helped_in_french() {
        let cmd = super::super::Cli::command();
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            assert!(
                COMMANDS.iter().any(|(c, _)| *c == name),
                "`{name}` has no French about"
            );
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(
                    flag(name, id).is_some(),
                    "`{name} --{id}` has no French help"
                );
            }
        }
    }

    #[test]
    fn french_help_says_it_in_french() {
        let mut cmd = french(super::super::Cli::command());
        let top = cmd.render_long_help().to_string();
        assert!(top.contains("Commandes"), "{top}");
        assert!(top.contains("Codes de sortie"), "{top}");
        let eval = cmd.find_subcommand_mut("eval").unwrap();
        let help = eval.render_long_help().to_string();
        assert!(help.contains("Décide chaque salarié"), "{help}");
        assert!(help.contains("Affiche l'aide"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
    }
}
