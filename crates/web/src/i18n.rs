//! Every string the page shows, in English and French. The estimator's `keys!` macro (the one
//! text system, `zettaflop_estimator::text::keys`) makes a missing translation a compile error:
//! each key is declared with both texts, and `K::ALL` lists them all for the test that checks
//! none is empty.
//!
//! Sentences about numbers (verdicts, warnings, errors, "show the math") come from the estimator,
//! which writes them in either language.

use leptos::prelude::*;
pub use zettaflop_estimator::format::Locale;

zettaflop_estimator::keys! {
/// A translatable string. Each key is a constant rather than an enum variant (the `struct` form
/// of `keys!`), so a build keeps only the texts it uses: the light first module does not carry
/// the panels' texts.
pub struct K {
    Tagline => "What it takes to train an AI model on a cluster: time, power, energy, CO₂ and money, computed in your browser, with the math and the sources.",
        "Ce qu'il faut pour entraîner un modèle d'IA sur un cluster : durée, puissance, énergie, CO₂ et argent, calculés dans votre navigateur, avec le calcul et les sources.";
    Language => "Language", "Langue";
    Modes => "Mode", "Mode";
    TabCalculator => "Calculator", "Calculateur";
    TabFactCheck => "Fact-check", "Vérification";
    TabExpert => "Expert: layout", "Expert : répartition";
    PredictedUtil => "Utilization predicted by the performance model: {} with the best layout ({}; batch of {} sequences).", "Utilisation prédite par le modèle de performance : {} avec la meilleure répartition ({} ; lot de {} séquences).";
    TMatmul => "matmuls", "produits matriciels";
    TAttention => "attention", "attention (cœur)";
    TMemoryBound => "memory-bound kernels", "noyaux limités par la mémoire";
    TModelComm => "tensor/context/expert communication", "communication tenseur/contexte/experts";
    TPipeline => "pipeline bubble and transfers", "bulle et transferts du pipeline";
    TDataComm => "data-parallel communication", "communication data-parallèle";
    TOptimizer => "optimizer step", "pas de l'optimiseur";
    MWeights => "weights", "poids";
    MGradients => "gradients", "gradients (FP32)";
    MOptimizer => "optimizer states", "états de l'optimiseur";
    MActivations => "activations", "activations stockées";
    MReserved => "reserved", "réservé";
    XIteration => "Iteration", "Itération";
    XMfuRange => "published runs: {} to {}", "entraînements publiés : {} à {}";
    XTokens => "Tokens per second", "Jetons par seconde";
    XPerGpu => "Achieved per GPU", "Atteint par GPU";
    XLayoutUsed => "Layout:", "Répartition :";
    XEvaluated => "{} layouts evaluated.", "{} répartitions évaluées.";
    XTimeTitle => "Where the time of one iteration goes", "Où passe le temps d'une itération";
    XMemoryTitle => "Memory per GPU", "Mémoire par GPU";
    XFits => "{} needed of {} of HBM: fits.", "{} nécessaires sur {} de HBM : ça tient.";
    XDoesNotFit => "{} needed but only {} of HBM: does not fit.", "{} nécessaires pour seulement {} de HBM : ça ne tient pas.";
    XHbm => "HBM capacity", "capacité HBM";
    XRunnersUp => "Runners-up", "Autres répartitions";
    XBest => "best layout (search)", "meilleure répartition (recherche)";
    XManual => "my layout", "ma répartition";
    XGpus => "GPUs", "Nombre de GPU";
    XBatch => "Global batch (sequences)", "Lot global (séquences)";
    XBatchHint => "sequences per optimizer step, e.g. 2048", "séquences par pas d'optimiseur, ex. 2048";
    XLayout => "Parallel layout", "Répartition parallèle";
    XTp => "Tensor parallel (tp)", "Parallélisme de tenseur (tp)";
    XPp => "Pipeline stages (pp)", "Étages de pipeline (pp)";
    XCp => "Context parallel (cp)", "Parallélisme de contexte (cp)";
    XEp => "Expert parallel (ep)", "Parallélisme d'experts (ep)";
    XMicroBatch => "Micro-batch (sequences)", "Micro-lot (séquences)";
    XInterleave => "Interleaved stages per GPU", "Étages entrelacés par GPU";
    XSizeHint => "a whole number; data parallel = GPUs / (tp × pp × cp)", "un nombre entier ; data-parallèle = GPU / (tp × pp × cp)";
    XRecompute => "Activation recomputation", "Recalcul des activations";
    XSequenceParallel => "Sequence parallelism", "Parallélisme de séquence";
    XDistributedOptimizer => "Distributed optimizer", "Optimiseur distribué";
    Scenario => "Scenario", "Scénario";
    Model => "Model", "Modèle";
    ModelOrCompute => "Model or compute", "Modèle ou calcul";
    CustomFlop => "Custom: total compute (FLOP)", "Personnalisé : calcul total (FLOP)";
    CustomParams => "Custom: parameters × tokens", "Personnalisé : paramètres × jetons";
    Flop => "Training compute (FLOP)", "Calcul d'entraînement (FLOP)";
    FlopHint => "e.g. 2.1e25, 3.8e25", "ex. 2,1e25, 3,8e25";
    Cluster => "Cluster", "Grappe de calcul";
    Accelerator => "Accelerator", "Accélérateur";
    Search => "Search the catalog: a model, a chip or a cluster", "Chercher dans le catalogue : un modèle, une puce ou un cluster";
    SearchHint => "type a few letters, then pick a suggestion: it fills the form", "tapez quelques lettres puis choisissez une suggestion : elle remplit le formulaire";
    SearchModel => "model", "modèle";
    SearchChip => "chip", "puce";
    SearchCluster => "cluster", "centre de calcul";
    ClusterPick => "A known cluster (fills chip and count)", "Un cluster connu (remplit puce et nombre)";
    ClusterNone => "— choose —", "— choisir —";
    Count => "How many", "Combien";
    CountHint => "e.g. 64,000, 64k, 25000", "ex. 64 000, 64k, 25000";
    CountedAs => "Counted as", "Compté en";
    UnitChips => "GPUs (chips)", "GPU (puces)";
    UnitSuperchips => "superchips ({} GPUs each)", "superpuces ({} GPU chacune)";
    UnitPackages => "packages (1 GPU each)", "boîtiers (1 GPU chacun)";
    UnitRacks => "racks ({} GPUs each)", "baies ({} GPU chacune)";
    Precision => "Precision", "Précision";
    Sparse => "Use the sparse (2:4) peak, as marketing figures do", "Utiliser le pic creux (2:4), comme les chiffres marketing";
    Assumptions => "Assumptions", "Hypothèses";
    Utilization => "Utilization (MFU)", "Utilisation (MFU)";
    Pue => "PUE (site power / IT power)", "PUE (puissance du site / informatique)";
    Price => "Price per GPU-hour ($)", "Prix par heure-GPU ($)";
    PricePlaceholder => "catalog: {}", "catalogue : {}";
    Questions => "Questions", "Vos questions";
    Result => "Result", "Résultat";
    Stale => "An input is invalid: showing the last valid result.", "Une saisie est invalide : voici le dernier résultat valide.";
    NoResult => "An input is invalid, so there is no result yet:", "Une saisie est invalide, il n'y a donc pas encore de résultat :";
    RangeBasis => "low and high from: {}", "bornes selon : {}";
    VariedWorkload => "the compute estimate's interval", "l'intervalle de l'estimation du calcul";
    VariedUtilization => "utilization 30-45 %", "utilisation 30-45 %";
    VariedPue => "PUE 1.1-1.58", "PUE 1,1-1,58";
    VariedPower => "the sources' range of the chip's all-in power", "la fourchette des sources pour la puissance de la puce";
    VariedPeak => "the sources' range of the chip's peak", "la fourchette des sources pour le pic de la puce";
    StatGpus => "GPUs", "GPU";
    StatPeak => "Cluster peak", "Pic du cluster";
    StatSustained => "Sustained", "Soutenu";
    StatChipHours => "GPU-hours", "Heures-GPU";
    StatItPower => "IT power", "Puissance informatique";
    StatSitePower => "Site power (× PUE)", "Puissance du site (× PUE)";
    StatEnergy => "Energy", "Énergie";
    StatCo2 => "CO₂ emitted", "CO₂ émis";
    StatHomes => "Same power as", "Même puissance que";
    Homes => "{} US homes", "{} foyers américains";
    StatCost => "Total cost", "Coût total";
    StatRental => "GPU rental", "Location des GPU";
    RentalAt => "{} at ${}/GPU-h", "{} à {} $/h-GPU";
    StatElectricity => "Electricity", "Électricité";
    ImpliedUtilization => "The claimed duration implies a utilization of {} of this peak.", "La durée annoncée implique une utilisation de {} de ce pic.";
    ChipsNeeded => "To finish within the target: {} GPUs ({} in the chosen unit).", "Pour finir dans le délai visé : {} GPU ({} dans l'unité choisie).";
    OriginalTitle => "The original run", "L'entraînement d'origine";
    OriginalRun => "{} on {} × {} in {}.", "{} sur {} × {} en {}.";
    OriginalImplies => "That implies a utilization of {} of its dense {} peak ({}); it used {} and cost about {}.", "Cela implique une utilisation de {} de son pic {} dense ({}) ; il a consommé {} et coûté environ {}.";
    Speedup => "Your scenario is {}× as fast.", "Votre scénario va {}× plus vite.";
    ShowMath => "Show the math", "Voir le calcul";
    Quantity => "Quantity", "Grandeur";
    Formula => "Formula", "Formule";
    WithNumbers => "With the numbers", "Avec les nombres";
    Value => "Value", "Valeur";
    Sources => "Sources", "Sources";
    CreditLead => "Model compute and chip figures draw on Epoch AI's databases (CC BY 4.0):", "Les chiffres de calcul des modèles et des puces s'appuient sur les bases d'Epoch AI (CC BY 4.0) :";
    CreditTail => "and on the sources listed under “Show the math”.", "et sur les sources listées sous « Voir le calcul ».";
    Privacy => "Runs entirely in your browser: no server, no tracking.", "Tout se calcule dans votre navigateur : aucun serveur, aucun pistage.";
    ClaimsTitle => "The article's claims", "Les affirmations de l'article";
    ClaimsIntro => "A French article on Stargate put forward these figures. Each is worked backwards here, under every reading of its numbers.", "Un article sur Stargate avançait ces chiffres. Chacun est refait à l'envers ici, sous toutes les lectures de ses nombres.";
    ReadArticle => "The article", "L'article";
    NewsTitle => "In the news: published claims, checked", "Dans la presse : des affirmations publiées, vérifiées";
    NewsIntro => "52 claims published in 2023–2026, in English and French, each with its source and the verdict the checker computes from its figures.", "52 affirmations publiées en 2023–2026, en anglais et en français, chacune avec sa source et le verdict que le vérificateur calcule à partir de ses chiffres.";
    NewsLoading => "Loading the claims…", "Chargement des affirmations…";
    NewsLoadError => "The claims could not be loaded: {}", "Les affirmations n'ont pas pu être chargées : {}";
    NewsSearch => "Search", "Rechercher";
    NewsFilterKind => "Kind of claim", "Type d'affirmation";
    NewsFilterLang => "Language of the quote", "Langue de la citation";
    NewsAll => "all", "tous";
    NewsLangEn => "English", "anglais";
    NewsLangFr => "French", "français";
    NewsCount => "{} of {} claims", "{} affirmations sur {}";
    NewsSource => "read the source", "lire la source";
    NewsCheck => "Check it yourself", "Vérifiez vous-même";
    KindTrainingTime => "training time", "durée d'entraînement";
    KindGpuHours => "GPU-hours", "heures-GPU";
    KindBenchmarkWindow => "benchmark window", "fenêtre de banc d'essai";
    KindPeak => "peak compute", "puissance de crête";
    KindComparison => "“N× faster”", "« N× plus rapide »";
    KindSitePower => "site power", "puissance d'un site";
    KindEnergyUnit => "MWh for MW", "MWh pour MW";
    KindEquivalents => "H100-equivalents", "équivalents H100";
    KindBudget => "budget for chips", "budget pour des puces";
    KindRunCost => "cost of a run", "coût d'un entraînement";
    MoreFigures => "More figures from the claim (optional)", "Autres chiffres de l'affirmation (facultatif)";
    MoreFiguresHint => "Leave the duration empty to check only these.", "Laissez la durée vide pour ne vérifier que ceux-ci.";
    ClPeak => "Peak quoted for the cluster", "Puissance de crête citée pour la grappe";
    ClPeakHint => "FLOP/s, e.g. 6.4e20 or 640E", "FLOP/s, ex. 6,4e20 ou 640E";
    ClPower => "Site power", "Puissance du site";
    ClPowerHint => "e.g. 150 MW, 1.2 GW (150 MWh is read as the power it stands for)", "ex. 150 MW, 1,2 GW (150 MWh est lu comme la puissance désignée)";
    ClBudget => "Budget for the chips", "Budget pour les puces";
    ClBudgetHint => "US dollars, e.g. $10.5B", "dollars US, ex. 10,5 G$";
    ClGpuHours => "GPU-hours", "Heures-GPU";
    ClGpuHoursHint => "e.g. 2.78M", "ex. 2,78M";
    ClRunCost => "Cost of the run", "Coût de l'entraînement";
    ClRunCostHint => "US dollars, e.g. $6M", "dollars US, ex. 6 M$";
    ClPrice => "Price per GPU-hour", "Prix par heure-GPU";
    ClPriceHint => "US dollars, e.g. 2 (default: the catalog's rental price)", "dollars US, ex. 2 (par défaut : le prix de location du catalogue)";
    ClFactor => "“N× faster”: N", "« N× plus rapide » : N";
    ClFactorHint => "e.g. 4", "ex. 4";
    ClThan => "… than", "… que";
    ClEquiv => "Counted in equivalents of", "Compté en équivalents de";
    NoChip => "none", "aucun";
    ClThanCount => "How many of them (default: as many)", "Combien d'entre elles (par défaut : autant)";
    ClThanCountHint => "e.g. 25,000", "ex. 25 000";
    ClThanFlop => "… or than a machine's FLOP/s", "… ou qu'une machine de FLOP/s";
    ClThanFlopHint => "e.g. 1.742e18 (El Capitan)", "ex. 1,742e18 (El Capitan)";
    ClThanPrecision => "at the precision", "à la précision";
    ClWindowFlop => "Compute of a benchmark window", "Calcul d'une fenêtre de banc d'essai";
    ClWindowFlopHint => "FLOP the benchmark trains, e.g. 1.05e21 (MLPerf GPT-3)", "FLOP que le banc d'essai entraîne, ex. 1,05e21 (MLPerf GPT-3)";
    ClWindowS => "Time of that window (if extrapolated)", "Durée de cette fenêtre (si extrapolée)";
    ClWindowSHint => "e.g. 3.9 min", "ex. 3,9 min";
    Verdict => "Verdict", "Verdict";
    CheckTitle => "Check a claim", "Vérifier une affirmation";
    CheckIntro => "Type the claim as written: a model or a compute figure, a duration, a number of chips.", "Saisissez l'affirmation telle qu'écrite : un modèle ou un calcul, une durée, un nombre de puces.";
    Duration => "Trained in", "Entraîné en";
    DurationHint => "e.g. 12 h, 12 days, 3 months", "ex. 12 h, 12 jours, 3 mois";
    QuotedPrecision => "Precision quoted (optional)", "Précision citée (facultatif)";
    AnyPrecision => "not stated", "non précisée";
    Reading => "Reading", "Lecture";
    Peak => "Peak", "Pic";
    Implied => "Implied utilization", "Utilisation implicite";
    Why => "Why", "Pourquoi";
    TypicalDuration => "At a typical utilization (30-45 %, 40 % central) it would take {} ({} to {}).", "À une utilisation typique (30-45 %, 40 % au centre), il faudrait {} (de {} à {}).";
    TabBacktest => "Back-test", "Rétro-vérification";
    LoadingPanel => "Loading…", "Chargement…";
    LoadingModel => "Loading the performance model to predict the utilization…", "Chargement du modèle de performance pour prédire l'utilisation…";
    BtTitle => "Back-test: the utilization real runs imply", "Rétro-vérification : l'utilisation qu'impliquent les vrais entraînements";
    BtIntro => "Every training run whose compute, chips, chip count and training time are published, worked backwards: the share of the chips' dense peak it implies, C / (chips × peak × time). This is the evidence for judging an assumed utilization such as 40 %.", "Chaque entraînement dont le calcul, les puces, leur nombre et la durée sont publiés, refait à l'envers : la part du pic dense des puces qu'il implique, C / (puces × pic × durée). C'est sur ces données qu'on juge une utilisation supposée, comme 40 %.";
    BtCreditLead => "Data: Epoch AI,", "Données : Epoch AI,";
    BtCreditAnd => "and", "et";
    BtCreditTail => "(CC BY 4.0), with the runs and chips of Zettaflop's own catalog.", "(CC BY 4.0), avec les entraînements et les puces du catalogue de Zettaflop.";
    BtLoading => "Loading the runs…", "Chargement des entraînements…";
    BtLoadError => "The runs could not be loaded: {}", "Les entraînements n'ont pas pu être chargés : {}";
    BtSummary => "{} runs plotted: {} plausible, {} low, {} high, {} impossible (data problems).", "{} entraînements tracés : {} plausibles, {} bas, {} élevés, {} impossibles (données à corriger).";
    BtNoPeak => "Not plotted, for lack of a peak figure in the run's number format:", "Non tracés, faute de chiffre de pic dans le format numérique de l'entraînement :";
    BtByYear => "Implied utilization by year", "Utilisation implicite par année";
    BtBySize => "Implied utilization by cluster size", "Utilisation implicite selon la taille du cluster";
    BtAxisYear => "Publication year", "Année de publication";
    BtAxisGpus => "Chips in the run (GPUs or TPUs, log scale)", "Puces utilisées (GPU ou TPU, échelle logarithmique)";
    BtAxisUtil => "Implied utilization (% of dense peak)", "Utilisation implicite (% du pic dense)";
    BtOffScale => "above 150 % (log)", "au-delà de 150 % (log)";
    BtPeakLine => "100 % of peak", "100 % du pic";
    BtDesc => "Scatter plot of {} runs. The data table below lists the same runs.", "Nuage de {} entraînements. Le tableau des données ci-dessous donne les mêmes.";
    BtLegPlausible => "plausible, 5 to 70 %", "plausible, de 5 à 70 %";
    BtLegLow => "low, below 5 %", "bas, moins de 5 %";
    BtLegHigh => "high, 70 to 100 %", "élevé, de 70 à 100 %";
    BtLegImpossible => "impossible, above 100 %: a data problem", "impossible, plus de 100 % : donnée à corriger";
    BtLegMfu => "reported MFU, joined to its run", "MFU publiée, reliée à son entraînement";
    BtProblems => "Data problems: {} runs imply more than 100 % of the peak", "Données à corriger : {} entraînements impliquent plus de 100 % du pic";
    BtProblemsIntro => "Their figures cannot all be right; the reason says which may be wrong.", "Leurs chiffres ne peuvent pas tous être justes ; la raison dit lesquels peuvent être faux.";
    BtTable => "Data table of the charts: {} runs", "Tableau des données des graphiques : {} entraînements";
    BtYear => "Year", "Année";
    BtChip => "Chip", "Puce";
    BtMfu => "Reported MFU", "MFU publiée";
    BtReason => "Reason", "Raison";
    BtPoint => "{} ({}): {} implied on {} × {}", "{} ({}) : {} implicite sur {} × {}";
    BtPointMfu => "reported MFU {}", "MFU publiée {}";
    // Charts and compare (calculator): time against GPUs, cost and energy split, pinned scenarios.
    ChTitle => "Charts: time against GPUs, cost and energy", "Graphiques : durée selon le nombre de GPU, coût et énergie";
    ChIntro => "Drawn from the estimator for the current scenario, on other chip generations too; computed when this section is open.", "Tracés par l'estimateur pour le scénario courant, aussi sur d'autres générations de puces ; calculés quand cette section est ouverte.";
    ChSaveSvg => "Save as SVG", "Enregistrer en SVG";
    ChSavePng => "Save as PNG", "Enregistrer en PNG";
    ChDataTable => "Data table", "Tableau des données";
    ChTimeTitle => "Training time against the number of GPUs", "Durée d'entraînement selon le nombre de GPU";
    ChTimeDesc => "Log-log lines of training time against GPUs for {}: ideal, and with utilization and interruptions. The data table lists every point.", "Courbes log-log de la durée d'entraînement selon le nombre de GPU pour {} : idéale, et avec utilisation et interruptions. Le tableau des données donne chaque point.";
    ChIdeal => "dashed: ideal, 100 % of the peak, no interruptions", "tirets : idéal, 100 % du pic, sans interruption";
    ChReal => "solid: at {} of the peak, with interruptions and checkpoints", "trait plein : à {} du pic, avec interruptions et points de reprise";
    ChAxisGpus => "GPUs (log scale)", "Nombre de GPU (échelle logarithmique)";
    ChAxisDays => "Training time (days, log scale)", "Durée (jours, échelle log.)";
    ChTimePoint => "{} × {}: {} (ideal {})", "{} × {} : {} (idéal {})";
    ChNow => "this scenario", "ce scénario";
    ChColIdeal => "Ideal time", "Durée idéale";
    ChColCompute => "At the utilization", "À l'utilisation";
    ChColWall => "Time with interruptions", "Durée avec interruptions";
    ChSplitTitle => "Where the money and the energy go", "Où vont l'argent et l'énergie";
    ChSplitDesc => "Stacked bars: renting (GPU rental and electricity), owning (amortized purchase and electricity) when the chip has a price, and energy (IT equipment and the site's overhead). The data table gives the values.", "Barres empilées : location (GPU et électricité), achat (amortissement et électricité) quand la puce a un prix, et énergie (matériel informatique et surcoût du site). Le tableau des données donne les valeurs.";
    ChRent => "Renting", "En location";
    ChOwn => "Owning", "En propriété";
    ChCapex => "Purchase, amortized", "Achat amorti";
    ChIt => "IT equipment", "Matériel informatique";
    ChOverhead => "Site overhead (PUE)", "Surcoût du site (PUE)";
    ChColBar => "Bar", "Barre";
    ChColPart => "Part", "Partie";
    ChTotal => "in all", "au total";
    CmpTitle => "Compare scenarios", "Comparer des scénarios";
    CmpPin => "Pin this scenario", "Épingler ce scénario";
    CmpNone => "Pin the scenario, change the inputs, and compare up to four side by side.", "Épinglez le scénario, changez les saisies et comparez-en jusqu'à quatre côte à côte.";
    CmpCount => "{} of {} pinned.", "{} sur {} épinglés.";
    CmpCurrent => "Current", "Actuel";
    CmpPinned => "Pinned {}", "Épinglé {}";
    CmpUnpin => "Unpin", "Retirer";
    CmpCompute => "Compute (FLOP)", "Calcul (FLOP)";
    CmpNever => "never finishes", "ne finit jamais";
    CmpHigher => "higher than current", "plus que l'actuel";
    CmpLower => "lower than current", "moins que l'actuel";
    CmpChanged => "differs from current", "différent de l'actuel";
    CmpBarsTitle => "Scenarios side by side", "Les scénarios côte à côte";
    CmpBarsDesc => "Bars of the time with interruptions, the energy and the cost of each scenario. The data table gives the values.", "Barres de la durée avec interruptions, de l'énergie et du coût de chaque scénario. Le tableau des données donne les valeurs.";
    SrcTitle => "Sources of every figure", "Sources de chaque chiffre";
    SrcIntro => "Every source the catalog cites, with what it says (in our words, in English), its link, the date it was published or read, its kind and who reports or estimates it. “Show the math” links here.", "Chaque source citée par le catalogue : ce qu'elle dit (en nos mots, en anglais), son lien, sa date de publication ou de lecture, sa nature et qui l'a publiée ou estimée. « Voir le calcul » renvoie ici.";
    SrcDate => "published or read", "publiée ou lue";
    SrcBy => "by", "par";
    KindReported => "reported", "rapporté";
    KindEstimate => "estimate", "estimation";
    KindDerived => "derived (our arithmetic)", "dérivé (notre calcul)";
    KindClaim => "claim", "affirmation";
    KindDataset => "compiled dataset", "base de données compilée";
    // Scale: failures, sites and money (goodput, site power, capex, budget, ownership).
    FailuresMoney => "Failures and ownership", "Pannes et propriété";
    DefaultIs => "default: {}", "par défaut : {}";
    StatWallClock => "With interruptions", "Avec les interruptions";
    StatGoodput => "Time spent training", "Temps passé à entraîner";
    StatCheckpointEvery => "Checkpoint every", "Point de reprise toutes les";
    StatInterruptions => "Interruptions expected", "Interruptions attendues";
    InterruptionsText => "{} (one every {})", "{} (une toutes les {})";
    StatWallCost => "Cost with interruptions", "Coût avec les interruptions";
    MoneyTitle => "Sites and money", "Sites et argent";
    StatCapex => "Buying the cluster", "Acheter le cluster";
    CapexText => "{} ({} of GPUs + {} of facility)", "{} ({} de GPU + {} de site)";
    StatOwnership => "Cost if owned", "Coût en propriété";
    OwnershipText => "{} (amortized over {}, with electricity) against {} rented", "{} (amorti sur {}, électricité comprise) contre {} en location";
    StatSiteHolds => "The site holds", "Le site accueille";
    SiteText => "{} GPUs at {} each", "{} GPU à {} chacun";
    StatBudgetBuys => "The budget buys", "Le budget achète";
    BudgetText => "{} GPUs with their facility, drawing {}", "{} GPU avec leur site, qui tirent {}";
    // Offline and install: the service worker's "new version" hint (www/sw-register.js shows it).
    UpdateReady => "A new version of Zettaflop is available.", "Une nouvelle version de Zettaflop est disponible.";
    UpdateReload => "Reload", "Recharger";
    // Export and print: the calculator's downloads (CSV, JSON, Markdown) and print button.
    ExportTitle => "Export", "Exporter";
    ExportCsv => "Download CSV", "Télécharger en CSV";
    ExportJson => "Download JSON", "Télécharger en JSON";
    ExportMarkdown => "Download Markdown", "Télécharger en Markdown";
    Print => "Print", "Imprimer";
    // Share and embed: the link, its notices, "copy link", "embed".
    LinkNoticeTitle => "This link could not be read in full; the page uses its defaults for:", "Ce lien n'a pas pu être lu en entier ; la page garde ses valeurs par défaut pour :";
    Dismiss => "Dismiss", "Fermer";
    CopyLink => "Copy link", "Copier le lien";
    LinkCopied => "Link copied.", "Lien copié.";
    LinkSelect => "Copy the link below.", "Copiez le lien ci-dessous.";
    LinkLabel => "Link to this page as it is", "Lien vers la page telle quelle";
    Embed => "Embed", "Intégrer";
    EmbedLabel => "Code to paste in an article", "Code à coller dans un article";
    EmbedHint => "An iframe in the compact layout, sandboxed; the script lets it take the height of its content.", "Une iframe en présentation compacte, isolée (sandbox) ; le script lui donne la hauteur de son contenu.";
    OpenFull => "Open in Zettaflop ↗", "Ouvrir dans Zettaflop ↗";
    // The reader's page: the answer first, the sentence to quote, one verdict per claim.
    QuoteTitle => "A sentence to quote", "Une phrase à citer";
    QuoteCopy => "Copy the sentence", "Copier la phrase";
    QuoteCopied => "Sentence, credit and link copied.", "Phrase, source et lien copiés.";
    QuoteSelect => "Select the sentence above to copy it.", "Sélectionnez la phrase ci-dessus pour la copier.";
    Permalink => "Link to this result", "Lien vers ce résultat";
    ChangeInputs => "Change the scenario", "Modifier le scénario";
    ChangeClaim => "Change the claim", "Modifier l'affirmation";
    OtherReadings => "Other readings of the same claim (each says what it assumes):", "Autres lectures de la même affirmation (chacune dit ce qu'elle suppose) :";
    HeadlineReading => "Read as: {}.", "Lu comme : {}.";
    AllReadings => "Every reading in a table", "Toutes les lectures dans un tableau";
    MoreFull => "More: every figure, the math and the sources in the full page ↗", "Plus : tous les chiffres, le calcul et les sources dans la page complète ↗";
    TabsHint => "Arrow keys move between the modes.", "Les flèches passent d'un mode à l'autre.";
}
}

/// The text of `k` in `l`.
pub fn t(k: K, l: Locale) -> &'static str {
    k.t(l)
}

/// `template` with each `{}` replaced by the next argument.
pub use zettaflop_estimator::text::keys::fill;

/// The page language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Lang(pub RwSignal<Locale>);

/// The page language (English if none was provided).
pub fn lang() -> RwSignal<Locale> {
    use_context::<Lang>()
        .map(|l| l.0)
        .unwrap_or_else(|| RwSignal::new(Locale::En))
}

/// The reader's language from the browser: French for any `fr*` tag, else English.
pub fn browser_locale() -> Locale {
    let tag = web_sys_language().unwrap_or_default();
    if tag.to_ascii_lowercase().starts_with("fr") {
        Locale::Fr
    } else {
        Locale::En
    }
}

#[cfg(target_arch = "wasm32")]
fn web_sys_language() -> Option<String> {
    leptos::prelude::window().navigator().language()
}

/// At build time, the language being prerendered stands for the browser's.
#[cfg(not(target_arch = "wasm32"))]
fn web_sys_language() -> Option<String> {
    Some(crate::prerender::BROWSER.get().to_string())
}

/// A translated text that follows the page language.
pub fn tr(k: K) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let l = lang();
    move || t(k, l.get())
}

/// A translated text as a signal, for component props.
pub fn sig(k: K) -> Signal<&'static str> {
    Signal::derive(tr(k))
}
