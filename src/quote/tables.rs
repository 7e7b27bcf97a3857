//! The word lists that drive quotation extraction and speaker resolution.
//!
//! Everything a reader may want to extend lives here as data: quote marks, speech verbs, titles and honorifics,
//! role words, and the capitalised words that are never part of a person's name. The code that uses them only
//! asks "is this word in that table".

/// Marks that open a double-quoted passage.
pub(crate) const OPENING_MARKS: &[char] = &['\u{201c}', '\u{201e}', '\u{ab}', '"'];
/// Marks that close a double-quoted passage (the straight `"` both opens and closes).
pub(crate) const CLOSING_MARKS: &[char] = &['\u{201d}', '\u{bb}', '"'];

/// The German low opening mark `„` closes with `“` (which opens an English quotation) or `”`.
pub(crate) fn closes_low_opening(open: Option<char>, c: char) -> bool {
    open == Some('\u{201e}') && c == '\u{201c}'
}

/// Dashes that introduce an attribution line after a blockquote (`— Name`).
pub(crate) const ATTRIBUTION_DASHES: &[char] = &['\u{2014}', '\u{2013}', '\u{2015}', '-', '~'];

/// Verbs (lower case) that introduce or close reported speech. Multi-word entries are matched word by word.
#[rustfmt::skip]
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "added", "adds", "told", "tells", "wrote", "writes", "according to", "stated", "states",
    "explained", "explains", "continued", "continues", "argued", "argues", "insisted", "insists", "warned", "warns",
    "claimed", "claims", "noted", "notes", "commented", "comments", "declared", "declares", "announced", "announces",
    "admitted", "admits", "replied", "replies", "responded", "responds", "tweeted", "tweets", "posted", "posts",
    "asked", "asks", "urged", "urges", "recalled", "recalls", "acknowledged", "acknowledges", "conceded", "concedes",
    "stressed", "stresses", "emphasised", "emphasized", "observed", "remarked", "suggested", "suggests", "described",
    "describes", "joked", "jokes", "quipped", "predicted", "predicts", "vowed", "vows", "promised", "promises",
    "pledged", "pledges", "concluded", "concludes", "confirmed", "confirms", "maintained", "maintains", "revealed",
    "reveals", "shouted", "whispered", "testified", "testifies", "boasted", "complained", "complains", "welcomed",
    "welcomes", "cautioned",
    "reported", "reiterated", "assured", "assures", "recounted", "mused", "wondered", "put it", "texted", "emailed",
    "messaged", "pointed out", "went on", "shared",
    "weighed in", "chimed in", "shouts", "yelled", "yells", "screamed", "sings", "sang",
    "agreed", "agrees", "disagreed", "countered", "laughed", "laughs", "sighed", "insisted",
    "demanded", "demands", "pleaded", "snapped", "retorted", "exclaimed", "lamented", "bemoaned", "echoed",
    "scoffed", "charged", "alleged", "contended", "asserted", "asserts", "affirmed", "reasoned", "marveled",
    "marvelled", "gushed", "groaned", "muttered", "murmured", "reflected", "elaborated", "clarified", "interjected",
    "objected", "protested", "fired back", "shot back", "summed up",
    // French, as written after a quotation with the subject inverted (`», a déclaré Jean-Marc Delorme`) or before it
    "a dit", "a déclaré", "a ajouté", "a expliqué", "a affirmé", "a souligné", "a indiqué", "a estimé", "a précisé",
    "a assuré", "a rappelé", "a lancé", "a confié", "a reconnu", "a averti", "a dénoncé", "a regretté", "a insisté",
    "a conclu", "a poursuivi", "a tempéré", "a prévenu", "s'est félicité", "s'est félicitée", "s'est réjoui",
    "s'est réjouie", "s'est inquiété", "s'est inquiétée", "déclare", "ajoute", "explique", "affirme", "souligne",
    "indique", "estime", "précise", "assure", "rappelle", "lance", "confie", "reconnaît", "avertit", "dénonce",
    "regrette", "tempère", "poursuit", "insiste", "conclut", "prévient", "se félicite", "se réjouit", "s'inquiète",
    "selon",
    // German
    "sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint", "nannte", "nennt",
    "kritisierte", "kritisiert", "warnte", "warnt", "schrieb", "schreibt", "ergänzte", "ergänzt", "fügte",
    "unterstrich", "bekräftigte", "räumte", "versprach", "verspricht", "zufolge",
];

/// Speech participles: their speaker is the subject of the clause before them (`Trump attacked Clinton, saying,
/// “…”`), never the words after them.
#[rustfmt::skip]
pub(crate) const PARTICIPLE_SPEECH_VERBS: &[&str] = &[
    "saying", "adding", "telling", "writing", "noting", "arguing", "insisting", "explaining", "warning", "admitting",
    "asking", "stressing", "declaring", "claiming", "suggesting", "tweeting", "recalling", "acknowledging",
    "conceding", "complaining", "joking", "promising", "vowing", "urging", "describing", "calling",
];

/// Speech words that may open a sentence capitalised (`According to the council, …`, `Selon la chambre, …`).
pub(crate) const OPENING_SPEECH_WORDS: &[&str] = &["according", "selon"];

/// Speech verbs whose next words are the listener, not the speaker (`told Newsweek: “…”`).
#[rustfmt::skip]
pub(crate) const OBJECT_VERBS: &[&str] = &[
    "told", "tells", "tell", "asked", "asks", "urged", "urges", "assured", "assures", "texted", "emailed", "messaged",
    "warned", "warns", "reminded", "reminds",
];

/// Words between a subject and its speech verb that do not change who speaks (`Sir Mark also said`).
#[rustfmt::skip]
pub(crate) const VERB_MODIFIERS: &[&str] = &[
    "also", "later", "then", "previously", "once", "recently", "earlier", "has", "had", "have", "was", "is", "were",
    "would", "will", "further", "again", "simply", "just", "separately", "subsequently", "last", "today", "yesterday",
    "now", "reportedly", "publicly", "privately", "openly", "famously", "memorably", "repeatedly", "often", "always",
    "since",
];

/// Honorifics and titles written before a name. Lower case, without a trailing full stop.
#[rustfmt::skip]
pub(crate) const TITLES: &[&str] = &[
    "sir", "dame", "lord", "lady", "baroness", "baron", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor",
    "rev", "reverend", "revd", "fr", "father", "sister", "brother", "rabbi", "imam", "bishop", "archbishop",
    "cardinal", "pope", "king", "queen", "prince", "princess", "duke", "duchess", "earl", "countess", "viscount",
    "hon", "rt", "honourable", "judge", "justice", "pc", "dc", "ds", "di", "dci", "dsi", "sgt", "sergeant", "insp",
    "inspector", "supt", "superintendent", "ch", "det", "detective", "officer", "constable", "cllr", "councillor",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "president", "pres",
    "chancellor", "gen", "general", "col", "colonel", "capt", "captain", "lt", "lieutenant", "maj", "major", "adm",
    "admiral", "cmdr", "commander", "cpl", "corporal", "pte", "private", "coach", "mayor", "mp", "msp", "mep", "qc",
    "kc", "st", "saint", "chief", "herr", "frau", "mme", "mlle", "m", "monsieur", "madame", "señor", "sr", "sra",
    "don", "doña", "sheikh", "sheik", "ayatollah", "emir", "chairman", "chairwoman",
];

/// Titles and organisation words that are also common surnames (`Charlie King`, `Mr. Major`, `Susan Hall`): a
/// surname after a given name or `Mr`. (`City Hall` stays a place: `City` is never a given name.)
pub(crate) const WORD_SURNAMES: &[&str] = &[
    "king", "bishop", "major", "judge", "marshal", "dean", "hall", "house", "post", "church",
];

/// Titles that go with a surname (`Mr Khan`); the others (`Sir Mark`, `Dame Lynne`) go with a given name.
#[rustfmt::skip]
pub(crate) const SURNAME_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "lord", "baroness", "baron", "pc", "dc", "ds", "di",
    "dci", "dsi", "sgt", "sergeant", "insp", "inspector", "supt", "superintendent", "det", "detective", "senator",
    "sen", "rep", "governor", "gov", "president", "chancellor", "gen", "general", "col", "colonel", "capt", "captain",
    "lt", "maj", "major", "cllr", "councillor", "judge", "justice", "coach", "herr", "frau", "mme", "m", "monsieur",
    "madame",
];

/// Words naming a role or office (lower case). Written before a name (`Home Secretary Yvette Cooper`) they bind the
/// role to the person for the page, so a later `the Home Secretary` resolves to her.
#[rustfmt::skip]
pub(crate) const ROLE_WORDS: &[&str] = &[
    "man", "woman", "boy", "girl", "people", "person",
    "commissioner", "deputy", "assistant", "mayor", "secretary", "home", "foreign", "health", "justice", "education",
    "defence", "defense", "culture", "business", "transport", "environment", "treasury", "minister", "prime", "first",
    "chancellor", "president", "vice", "chief", "executive", "officer", "constable", "head", "leader", "spokesman",
    "spokeswoman", "spokesperson", "spokesperson's", "chair", "chairman", "chairwoman", "chairperson", "director",
    "general", "manager", "founder", "co-founder", "ceo", "cfo", "coo", "cto", "boss", "inspector", "superintendent",
    "governor", "senator", "mp", "mep", "msp", "am", "councillor", "shadow", "former", "acting", "interim", "senior",
    "junior", "principal", "professor", "lecturer", "researcher", "economist", "analyst", "adviser", "advisor",
    "ambassador", "envoy", "attorney", "prosecutor", "lawyer", "judge", "coroner", "editor", "correspondent",
    "author", "owner", "partner", "president-elect", "premier", "king", "queen", "coach", "captain", "striker",
    "midfielder", "defender", "goalkeeper", "player", "star", "singer", "actor", "actress", "presenter", "host",
    "resident", "campaigner", "activist", "member", "representative", "official", "officials", "source", "witness",
    "victim", "mother", "father", "daughter", "son", "wife", "husband", "secretary-general", "general-secretary",
    "cabinet", "labour", "tory", "conservative", "democrat", "republican", "watchdog", "regulator", "police", "met",
    "news", "doctor", "nurse", "teacher", "scientist", "expert", "user", "residents", "survivor", "patient",
    "student", "parent", "critic", "critics", "lawmaker", "legislator", "politician", "diplomat", "negotiator",
    "organiser", "organizer", "volunteer", "worker", "employee", "customer", "fan", "viewer", "reader", "neighbour",
    "neighbor", "friend", "colleague", "relative",
    // French
    "président", "présidente", "ministre", "maire", "directeur", "directrice", "porte-parole", "secrétaire",
    "adjoint", "adjointe", "député", "députée", "sénateur", "sénatrice", "préfet", "préfète", "conseiller",
    "conseillère", "délégué", "déléguée", "responsable", "fondateur", "fondatrice", "patron", "patronne",
    "gérant", "gérante", "avocat", "avocate", "procureur", "chercheur", "chercheuse",
    // German (nouns are capitalised; compounds end in the role: `CDU-Fraktionschef`)
    "bürgermeister", "bürgermeisterin", "oberbürgermeister", "oberbürgermeisterin", "kämmerer", "kämmerin",
    "fraktionschef", "fraktionschefin", "fraktionsvorsitzende", "fraktionsvorsitzender", "vorsitzende",
    "vorsitzender", "ministerin", "sprecher", "sprecherin", "direktor", "direktorin", "präsident", "präsidentin",
    "geschäftsführer", "geschäftsführerin", "stadtrat", "stadträtin", "landrat", "landrätin", "chef", "chefin",
    "doctors", "physicians", "researchers", "scientists", "authors", "experts", "analysts", "officers", "protesters",
    "activists", "campaigners", "lawyers", "prosecutors", "teachers", "students", "parents", "witnesses",
    "investigators", "organisers", "organizers", "physician",
    "defenseman", "defenceman", "forward", "winger", "centre", "center", "goaltender", "goalie", "quarterback",
    "pitcher", "catcher", "shortstop", "outfielder", "infielder", "guard", "linebacker", "receiver", "cornerback",
    "rookie", "veteran", "teammate", "skipper", "batter", "bowler", "jockey", "trainer", "referee", "umpire",
];

/// Words that may head a contribution label in a transcript (`PRESENTER:`, `The Presiding Officer`, `Members: Hear,
/// hear.`): the people who speak in debates, hearings and broadcasts. A role elsewhere in a label must be one of
/// these, so `Source:` or `Correction:` never opens a turn.
#[rustfmt::skip]
pub(crate) const TURN_ROLE_WORDS: &[&str] = &[
    "presenter", "presenters", "interviewer", "host", "co-host", "moderator", "anchor", "narrator", "reporter",
    "correspondent", "caller", "chair", "chairman", "chairwoman", "chairperson", "speaker", "presiding", "minister",
    "secretary", "president", "premier", "mayor", "leader", "commissioner", "convener", "convenor", "clerk",
    "member", "members", "witness", "judge", "counsel", "prosecutor", "interpreter", "audience",
    // French and German
    "président", "présidente", "ministre", "rapporteur", "rapporteure", "präsident", "präsidentin",
    "vizepräsident", "vizepräsidentin", "moderatorin", "ministerin", "abgeordnete", "abgeordneter",
];

/// Articles that may open a label in French or German (`Le président :`, `Die Präsidentin:`).
pub(crate) const LABEL_ARTICLES: &[&str] = &["le", "la", "les", "der", "die", "das"];

/// Credit phrases that give a person a role for the page (`Presented by Dominic Reyes` → the presenter).
#[rustfmt::skip]
pub(crate) const CREDIT_ROLES: &[(&str, &str)] = &[
    ("presented by", "presenter"), ("hosted by", "host"), ("interviewed by", "interviewer"), ("chaired by", "chair"),
    ("moderated by", "moderator"),
];

/// Role modifiers that make a different office: `the Commissioner` is not the `Deputy Commissioner`.
#[rustfmt::skip]
pub(crate) const DISTINGUISHING_ROLE_WORDS: &[&str] = &[
    "deputy", "assistant", "vice", "shadow", "former", "acting", "interim", "junior", "co-founder", "first",
];

/// Capitalised words that are never part of a person's name: organisations, places, days, months, sentence-initial
/// function words. A capitalised run made only of these (`The Met`, `City Hall`) is an organisation, not a person.
#[rustfmt::skip]
pub(crate) const NON_NAME_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "in", "on", "at", "for", "from", "by", "with", "and",
    "but", "or", "if", "when", "while", "as", "after", "before", "since", "of", "to", "writing", "speaking", "asked",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "police", "met",
    "metropolitan", "service", "services", "government", "council", "office", "ministry", "department", "party",
    "labour", "conservative", "conservatives", "tory", "tories", "democrats", "republicans", "union", "university",
    "college", "school", "hospital", "trust", "nhs", "bbc", "itv", "cnn", "company", "group", "board", "committee",
    "commission", "agency", "authority", "court", "city", "hall", "street", "road", "house", "yard", "scotland",
    "england", "wales", "britain", "london", "uk", "us", "usa", "eu", "america", "american", "british", "english",
    "european", "inspectorate", "constabulary", "force", "news", "times", "standard", "guardian", "telegraph", "post",
    "journal", "reuters", "press", "association", "institute", "foundation", "centre", "center", "bank", "inc", "ltd",
    "plc", "corp", "llc", "fire", "rescue", "army", "navy", "parliament", "congress", "senate", "white", "downing",
    "whitehall", "westminster", "twitter", "facebook", "instagram", "x", "statement", "report", "mayoralty",
    "monday's", "today", "yesterday", "tomorrow", "however", "meanwhile", "so", "there", "here", "we", "i", "he",
    "she", "they", "you", "his", "her", "their", "our", "my", "its", "what", "why", "how", "who", "according",
    "earlier", "later", "last", "next", "new", "old", "said", "says", "told", "added", "because", "although",
    "though", "despite", "during", "until", "unless", "whether", "once", "where", "then", "now", "also", "even",
    "still", "yet", "only", "just", "both", "each", "every", "all", "some", "many", "most", "several", "other",
    "another", "such", "no", "not", "yes", "like", "unlike", "among", "about", "over", "under", "through", "into",
    "without", "within", "between", "against", "across", "behind", "beyond", "via", "including", "following",
    "inside", "outside", "around", "throughout", "amid", "dear", "thanks", "please", "do", "does", "did", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "can", "could", "will", "would", "should", "might", "must",
    "state", "states", "united", "national", "federal", "research", "policy", "economic", "emergency", "health",
    "science", "sciences", "technology", "international", "global", "world", "public", "royal", "general", "central",
    "northern", "southern", "eastern", "western", "north", "south", "east", "west", "county", "district", "region",
    "regional", "local", "community", "communities", "customs", "border", "protection", "security", "defense",
    "defence", "affairs", "justice", "finance", "energy", "education", "environment", "transport", "program",
    "programme", "project", "network", "media", "daily", "weekly", "online", "app", "airport", "airports",
    "airline", "airlines", "airways", "station", "stadium", "hotel", "museum", "library", "church", "cathedral",
    "prison", "port", "harbour", "railway", "railways", "motors", "club", "fc", "town",
];

/// Letters and generations written after a name (`Susan Hall AM`, `James P. Kennedy Jr.`): not part of it.
#[rustfmt::skip]
pub(crate) const POST_NOMINALS: &[&str] = &[
    "jr", "sr", "ii", "iii", "iv", "kc", "qc", "mp", "mep", "msp", "ms", "am", "mla", "td", "obe", "mbe", "cbe",
    "phd",
];

/// Lower-case words allowed inside a name (`Ursula von der Leyen`, `Ludwig van Beethoven`).
#[rustfmt::skip]
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "le", "la", "bin", "al", "ibn",
];

/// Pronouns that, as a subject of a speech verb, mean the previous named speaker.
#[rustfmt::skip]
pub(crate) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "him", "her", "i", "we",
];

/// Words that start a new clause: a quotation followed by `and Tom Roe said` is not attributed to Tom Roe.
#[rustfmt::skip]
pub(crate) const CONJUNCTIONS: &[&str] = &[
    "and", "but", "or", "while", "whereas", "as", "when", "which", "who", "that", "because", "after", "before", "if",
];

/// Words that tell a person's sex: third-person pronouns and titles (male, female).
#[rustfmt::skip]
pub(crate) const MALE_WORDS: &[&str] = &[
    "he", "him", "his", "himself", "mr", "sir", "lord", "king", "prince", "duke", "father", "brother", "baron", "earl",
    "viscount", "monsieur", "herr", "señor",
];
#[rustfmt::skip]
pub(crate) const FEMALE_WORDS: &[&str] = &[
    "she", "her", "hers", "herself", "mrs", "ms", "miss", "dame", "lady", "baroness", "queen", "princess", "duchess",
    "sister", "countess", "madame", "mme", "mlle", "frau", "señora",
];

/// Determiners written before a role (`the Mayor`, `a spokesperson`).
#[rustfmt::skip]
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our",
];

/// Abbreviations whose full stop does not end a sentence.
#[rustfmt::skip]
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "gen", "col", "lt", "capt", "sgt", "supt", "insp",
    "det", "cllr", "gov", "sen", "rep", "no", "vs", "v", "etc", "e.g", "i.e", "eg", "ie", "inc", "ltd", "co", "corp",
    "approx", "fig", "vol", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.s", "u.k", "a.m", "p.m", "mt", "ft", "hon", "rt", "messrs", "dept", "est",
];

/// Is `word` a role word, or a compound ending in one (`CDU-Fraktionschef`, `vice-president`)?
pub(crate) fn is_role_word(word: &str) -> bool {
    contains(ROLE_WORDS, word)
        || word
            .rsplit_once('-')
            .is_some_and(|(_, last)| contains(ROLE_WORDS, last))
}

/// Is `word` (any case) in `table`? Curly apostrophes count as straight ones.
pub(crate) fn contains(table: &[&str], word: &str) -> bool {
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    let lower = lower.trim_end_matches('.');
    table.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_lower_case_so_lookups_can_lowercase_the_word() {
        for table in [
            SPEECH_VERBS,
            VERB_MODIFIERS,
            TITLES,
            SURNAME_TITLES,
            ROLE_WORDS,
            NON_NAME_WORDS,
            PRONOUNS,
            TURN_ROLE_WORDS,
            PARTICIPLE_SPEECH_VERBS,
            WORD_SURNAMES,
        ] {
            for word in table {
                assert_eq!(*word, word.to_lowercase(), "{word}");
            }
        }
    }

    #[test]
    fn surname_titles_are_titles() {
        for word in SURNAME_TITLES {
            assert!(TITLES.contains(word), "{word}");
        }
    }

    #[test]
    fn lookup_ignores_case_and_a_trailing_full_stop() {
        assert!(contains(TITLES, "Mr."));
        assert!(contains(TITLES, "SIR"));
        assert!(!contains(TITLES, "Mark"));
    }
}
