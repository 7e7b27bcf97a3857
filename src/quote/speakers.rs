//! Who is who on a page: people's names, their short forms and their roles.
//!
//! A page names a person in full once (`Met Commissioner Sir Mark Rowley`) and then by short forms (`Sir Mark`,
//! `Mr Khan`, `the Commissioner`, `he`). `People::scan` reads every capitalised run of the page once, keeps the
//! two-or-more-word names as people (merged by given name + surname, shown by their fullest form) and binds the role
//! words written next to a name (`Home Secretary Yvette Cooper`, `The Mayor of London, Sadiq Khan,`) to that person.
//! `People::resolve` then turns the subject of a speech verb into that fullest name (a name phrase itself is read in
//! `names.rs`). A transcript's labels add people and offices (`transcript.rs`). Titles, roles and the words that
//! are never names are tables in `tables.rs`; nothing here knows a particular person.

use super::names::{breaks_after, mention_at_end, Mention};
use super::tables;
use super::text::{sentence_around, words, Word};
use super::transcript::{self, Placed};
use crate::extract::Document;

/// Does byte `at` open a sentence (nothing before it but a sentence end, a quote mark or the start)?
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || super::tables::OPENING_MARKS.contains(&c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '\u{201d}', '"'])
}

/// A person named in full on the page.
#[derive(Debug, Clone)]
struct Person {
    first: String,
    last: String,
    /// All name words of the fullest form, lower case (`joel`, `eriksson`, `ek`).
    names: Vec<String>,
    display: String,
    /// Byte offsets of the full mentions, for picking the nearest one.
    seen: Vec<usize>,
    /// Evidence of the person's sex from titles and pronouns: (male, female).
    votes: (u32, u32),
}

/// A person's sex as far as `he said` / `she said` need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sex {
    Male,
    Female,
}

impl Sex {
    /// The sex a word (pronoun or title) implies.
    pub fn of_word(word: &str) -> Option<Sex> {
        if tables::contains(tables::MALE_WORDS, word) {
            Some(Sex::Male)
        } else if tables::contains(tables::FEMALE_WORDS, word) {
            Some(Sex::Female)
        } else {
            None
        }
    }
}

impl Person {
    fn vote(&mut self, sex: Option<Sex>, weight: u32) {
        match sex {
            Some(Sex::Male) => self.votes.0 += weight,
            Some(Sex::Female) => self.votes.1 += weight,
            None => {}
        }
    }
    fn sex(&self) -> Option<Sex> {
        match self.votes.0.cmp(&self.votes.1) {
            std::cmp::Ordering::Greater => Some(Sex::Male),
            std::cmp::Ordering::Less => Some(Sex::Female),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// A role bound to a person at a place in the text.
#[derive(Debug, Clone)]
struct RoleBinding {
    words: Vec<String>,
    person: usize,
    at: usize,
}

/// The people of one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct People {
    persons: Vec<Person>,
    roles: Vec<RoleBinding>,
    /// Every mention of a known person: (byte offset, person, as the subject of its sentence), in text order.
    mentions: Vec<(usize, usize, bool)>,
    /// The contribution labels when the page is a transcript.
    labels: Vec<Placed>,
}

/// Maximal runs of capitalised words (with name particles and titles' full stops) in one block.
fn capitalised_runs<'a>(text: &'a str, ws: &[Word<'a>]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].is_capitalised() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && !breaks_after(&ws[j - 1]) {
            let gap = &text[ws[j - 1].end..ws[j].start];
            let gap_ok = gap.chars().all(|c| c.is_whitespace() || c == '.');
            let particle = tables::contains(tables::NAME_PARTICLES, ws[j].text)
                && ws.get(j + 1).is_some_and(|n| n.is_capitalised());
            if !gap_ok || !(ws[j].is_capitalised() || particle) {
                break;
            }
            j += 1;
        }
        runs.push((i, j));
        i = j;
    }
    runs
}

/// Role words written just before word `at` (`London mayor`, `The Mayor of London,`).
fn roles_before(ws: &[Word<'_>], at: usize) -> Vec<String> {
    let is_role =
        |w: &Word<'_>| tables::contains(tables::ROLE_WORDS, w.text) || tables::contains(tables::TITLES, w.text);
    let mut k = at;
    let appositive = k > 0 && ws[k - 1].punct_after == Some(',');
    if appositive {
        // `The Mayor of London, Sadiq Khan`: step over the place the role is of
        let mut j = k;
        while j > 0 && ws[j - 1].is_capitalised() && !is_role(&ws[j - 1]) {
            j -= 1;
        }
        if j > 0 && j < k && matches!(ws[j - 1].lower().as_str(), "of" | "for") {
            k = j - 1;
        } else if j < k {
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    while k > 0 && is_role(&ws[k - 1]) && (!breaks_after(&ws[k - 1]) || (appositive && out.is_empty())) {
        out.insert(0, ws[k - 1].lower());
        k -= 1;
    }
    out
}

/// The role a credit phrase written just before word `at` gives (`Presented by Dominic Reyes` → presenter).
fn credit_role(ws: &[Word<'_>], at: usize) -> Option<String> {
    let before = ws[at.saturating_sub(2)..at]
        .iter()
        .map(Word::lower)
        .collect::<Vec<_>>()
        .join(" ");
    tables::CREDIT_ROLES
        .iter()
        .find(|(phrase, _)| *phrase == before)
        .map(|(_, role)| (*role).to_string())
}

/// Role words written just after a name: `Sadiq Khan, the Mayor of London, said`.
fn roles_after(ws: &[Word<'_>], end: usize) -> Vec<String> {
    if end == 0 || ws[end - 1].punct_after != Some(',') {
        return Vec::new();
    }
    let mut k = end;
    if ws.get(k).is_some_and(|w| tables::contains(tables::DETERMINERS, w.text)) {
        k += 1;
    }
    let mut out = Vec::new();
    while let Some(w) = ws.get(k) {
        if !tables::contains(tables::ROLE_WORDS, w.text) {
            break;
        }
        out.push(w.lower());
        k += 1;
        if breaks_after(w) {
            break;
        }
    }
    out
}

impl People {
    /// Reads every capitalised run of the page: first the full names, then the roles written next to any name.
    pub fn scan(doc: &Document) -> Self {
        let mut people = People::default();
        let blocks: Vec<Vec<Word<'_>>> = doc.blocks.iter().map(|b| words(&doc.text, b.start, b.end)).collect();
        for ws in &blocks {
            for (i, j) in capitalised_runs(&doc.text, ws) {
                // `Hosting Cook at Dreamforce…`: a sentence-opening participle is not a given name
                let participle = opens_sentence(&doc.text, ws[i].start)
                    && ws[i].text.len() > 4
                    && (ws[i].text.ends_with("ing") || ws[i].text.ends_with("ed"));
                // (`Retired Lt. Gen. Michael Flynn`: the participle is not part of the name here)
                let in_name = |m: &Mention| m.names.first().is_some_and(|n| n == ws[i].text);
                if let Some(m) = mention_at_end(&ws[i..j]).filter(|m| m.names.len() >= 2 && !(participle && in_name(m)))
                {
                    people.add(&m, ws[i].start);
                }
            }
        }
        // `Prince Andrew`, `Mr Trump`: a titled single name is a person when no full name on the page matches it
        for ws in &blocks {
            for (i, j) in capitalised_runs(&doc.text, ws) {
                let Some(m) = mention_at_end(&ws[i..j]).filter(|m| m.names.len() == 1 && !m.titles.is_empty()) else {
                    continue;
                };
                if people.person_of(&m, ws[i].start).is_none() {
                    people.add(&m, ws[i].start);
                }
            }
        }
        for (b, ws) in blocks.iter().enumerate() {
            let block = &doc.blocks[b];
            for (i, j) in capitalised_runs(&doc.text, ws) {
                let Some(m) = mention_at_end(&ws[i..j]).filter(|m| !m.names.is_empty()) else {
                    continue;
                };
                let at = ws[i].start;
                let Some(person) = people.person_of(&m, at) else {
                    continue;
                };
                // the subject of its sentence: nothing before it but capitalised, title and role words
                let (sentence, _) = sentence_around(&doc.text, block.start, block.end, at);
                // (`Kingsferry's chief operating officer, Marek Sobczak, said …`: the subject of a speech verb, set off
                // by a comma or after a role, not a name inside an apposition `the president of the Farm Bureau, said`)
                let subject = ws[..i].iter().rev().take_while(|w| w.start >= sentence).all(|w| {
                    w.is_capitalised()
                        || tables::contains(tables::ROLE_WORDS, w.text)
                        || tables::contains(tables::DETERMINERS, w.text)
                }) || (ws
                    .get(j)
                    .is_some_and(|w| tables::contains(tables::SPEECH_VERBS, w.text))
                    && i.checked_sub(1).is_some_and(|p| {
                        ws[p].punct_after == Some(',') || tables::contains(tables::ROLE_WORDS, ws[p].text)
                    }));
                people.mentions.push((at, person, subject));
                // titles count thrice
                for t in &m.titles {
                    people.persons[person].vote(Sex::of_word(t), 3);
                }
                // the first he/his/she/her after a mention: within 30 words of a sentence subject, 15 otherwise
                let reach = if subject { 30 } else { 15 };
                let pronoun = ws[j..].iter().take(reach).find_map(|w| {
                    let lower = w.lower();
                    let third = matches!(
                        lower.as_str(),
                        "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself"
                    );
                    Sex::of_word(&lower).filter(|_| third)
                });
                people.persons[person].vote(pronoun, if subject { 2 } else { 1 });
                if !m.is_name() {
                    continue;
                }
                let first = j - m.names.len() - m.titles.len() - m.roles.len();
                let mut roles = m.roles.clone();
                if roles.is_empty() {
                    // `President Trump` … `the president`: titles that are offices bind like roles
                    roles = m
                        .titles
                        .iter()
                        .map(|t| t.to_lowercase())
                        .filter(|t| tables::ROLE_WORDS.contains(&t.as_str()))
                        .collect();
                }
                if roles.is_empty() && first == i {
                    roles = roles_before(ws, i);
                }
                if roles.is_empty() && first == i {
                    roles.extend(credit_role(ws, i));
                }
                if roles.is_empty() {
                    roles = roles_after(ws, j);
                }
                if !roles.is_empty() {
                    people.roles.push(RoleBinding {
                        words: roles,
                        person,
                        at,
                    });
                }
            }
        }
        people.read_labels(doc);
        people
    }

    /// A transcript's labels name people (`CARYS PENNOCK`) and bind offices to them (`The Minister for Transport
    /// (Owen Farrant)`), so a later `The Minister` label or claim resolves to the holder.
    fn read_labels(&mut self, doc: &Document) {
        let labels = transcript::labels(doc);
        for p in &labels {
            if let Some(m) = &p.label.person {
                let person = self.person_of(m, p.at).unwrap_or_else(|| self.add(m, p.at));
                if !p.label.roles.is_empty() {
                    self.roles.push(RoleBinding {
                        words: p.label.roles.clone(),
                        person,
                        at: p.at,
                    });
                }
            }
        }
        self.labels = labels;
    }

    /// The labels of the page when it is a transcript (empty otherwise).
    pub fn labels(&self) -> &[Placed] {
        &self.labels
    }

    /// Who a contribution label names: the person, else the holder of its role on the page, else the role as written.
    pub fn label_speaker(&self, p: &Placed) -> String {
        if let Some(m) = &p.label.person {
            return self.resolve(m, p.at, None).unwrap_or_else(|| p.label.raw.clone());
        }
        self.role(&p.label.roles, p.at)
            .map_or_else(|| p.label.raw.clone(), |k| self.persons[k].display.clone())
    }

    fn add(&mut self, m: &Mention, at: usize) -> usize {
        let names: Vec<String> = m.names.iter().map(|n| n.to_lowercase()).collect();
        let display = m.display();
        // `Eriksson Ek` and `Joel Eriksson Ek` are one person: a compound surname, with and without the given name
        let same = |p: &Person| {
            (p.first == names[0] && p.last == names[names.len() - 1])
                || compound_suffix(&p.names, &names)
                || compound_suffix(&names, &p.names)
        };
        if let Some(k) = self.persons.iter().position(same) {
            let p = &mut self.persons[k];
            if names.len() > p.names.len() {
                p.first.clone_from(&names[0]);
                p.names.clone_from(&names);
            }
            if display.split(' ').count() > p.display.split(' ').count() {
                p.display = display;
            }
            p.seen.push(at);
            return k;
        }
        self.persons.push(Person {
            first: names[0].clone(),
            last: names[names.len() - 1].clone(),
            names,
            display,
            seen: vec![at],
            votes: (0, 0),
        });
        self.persons.len() - 1
    }

    /// The candidate whose full mention is nearest before `at` (or else first on the page).
    fn nearest(&self, candidates: impl Iterator<Item = usize>, at: usize) -> Option<usize> {
        candidates.max_by_key(|&k| {
            let p = &self.persons[k];
            let before = p.seen.iter().filter(|&&s| s <= at).max().copied();
            (before.is_some(), before.unwrap_or(usize::MAX - p.seen[0]))
        })
    }

    /// The page person a name mention refers to.
    fn person_of(&self, m: &Mention, at: usize) -> Option<usize> {
        let first = m.names.first()?.to_lowercase();
        let last = m.names.last()?.to_lowercase();
        if m.names.len() >= 2 {
            let names: Vec<String> = m.names.iter().map(|n| n.to_lowercase()).collect();
            return self
                .persons
                .iter()
                .position(|p| p.first == first && p.last == last)
                .or_else(|| self.persons.iter().position(|p| compound_suffix(&p.names, &names)));
        }
        let by_surname = m.titles.iter().any(|t| tables::contains(tables::SURNAME_TITLES, t));
        let by_given = !m.titles.is_empty() && !by_surname;
        let fits = |k: &usize| {
            let p = &self.persons[*k];
            (p.last == first && !by_given) || (p.first == first && !by_surname)
        };
        self.nearest((0..self.persons.len()).filter(fits), at)
    }

    /// The fullest name of the person `m` refers to at byte `at`; `previous` is the last named speaker (for
    /// pronouns). Unresolved mentions keep their written form.
    pub fn resolve(&self, m: &Mention, at: usize, previous: Option<&str>) -> Option<String> {
        if m.pronoun {
            return previous.map(str::to_string);
        }
        if !m.names.is_empty() {
            return Some(
                self.person_of(m, at)
                    .map_or_else(|| m.display(), |k| self.persons[k].display.clone()),
            );
        }
        if !m.roles.is_empty() {
            if let Some(b) = self.role(&m.roles, at) {
                return Some(self.persons[b].display.clone());
            }
        }
        (!m.raw.is_empty()).then(|| m.raw.clone())
    }

    /// The person holding the role written as `words` nearest before `at`.
    fn role(&self, words: &[String], at: usize) -> Option<usize> {
        let head = words.last()?;
        let fits = |b: &&RoleBinding| {
            b.words.last() == Some(head)
                && words.iter().all(|w| b.words.contains(w))
                && b.words
                    .iter()
                    .all(|w| words.contains(w) || !tables::DISTINGUISHING_ROLE_WORDS.contains(&w.as_str()))
        };
        let before = self
            .roles
            .iter()
            .filter(fits)
            .filter(|b| b.at <= at)
            .max_by_key(|b| b.at);
        before.or_else(|| self.roles.iter().find(fits)).map(|b| b.person)
    }

    /// A speaker written only as a role (`the Mayor`, `Home Secretary`) as the page's name for it.
    pub fn resolve_role(&self, speaker: &str) -> Option<String> {
        let ws = words(speaker, 0, speaker.len());
        let m = mention_at_end(&ws)?;
        if !m.names.is_empty() || m.roles.is_empty() {
            return None;
        }
        self.role(&m.roles, usize::MAX).map(|b| self.persons[b].display.clone())
    }

    /// The last person named in `[from, to)` outside the byte ranges `quoted`: where, who, and whether as the
    /// subject of a sentence.
    pub fn mentioned_before(
        &self,
        from: usize,
        to: usize,
        quoted: &[(usize, usize)],
        sex: Option<Sex>,
    ) -> Option<(usize, String, bool)> {
        let upto = self.mentions.partition_point(|m| m.0 < to);
        let window = || {
            self.mentions[..upto]
                .iter()
                .rev()
                .take_while(|m| m.0 >= from)
                .filter(|m| !quoted.iter().any(|q| q.0 <= m.0 && m.0 < q.1))
                .filter(|m| self.agrees_person(m.1, sex))
        };
        // the last sentence subject, else the last person named at all
        let found = window().find(|m| m.2).or_else(|| window().next());
        found.map(|&(at, p, subject)| (at, self.persons[p].display.clone(), subject))
    }

    fn agrees_person(&self, person: usize, sex: Option<Sex>) -> bool {
        sex.is_none() || self.persons[person].sex().is_none_or(|s| Some(s) == sex)
    }

    /// Can `he`/`she` (`sex`) refer to the person shown as `display`? Unknown people agree with both.
    pub fn agrees(&self, display: &str, sex: Option<Sex>) -> bool {
        self.persons
            .iter()
            .position(|p| p.display == display)
            .is_none_or(|k| self.agrees_person(k, sex))
    }

    /// The first person of the page named in `text[from..to]`, by name or by a role bound to them.
    pub fn first_person_in(&self, text: &str, from: usize, to: usize) -> Option<String> {
        let ws = words(text, from, to);
        capitalised_runs(text, &ws).into_iter().find_map(|(i, j)| {
            let m = mention_at_end(&ws[i..j])?;
            let at = ws[i].start;
            let k = if m.names.is_empty() {
                self.role(&m.roles, at)
            } else {
                self.person_of(&m, at)
            }?;
            Some(self.persons[k].display.clone())
        })
    }
}

/// Are `tail`'s two or more names the end of `full`'s longer name (`Eriksson Ek` of `Joel Eriksson Ek`)?
pub(crate) fn compound_suffix(full: &[String], tail: &[String]) -> bool {
    tail.len() >= 2 && full.len() > tail.len() && full.ends_with(tail)
}
