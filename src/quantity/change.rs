//! Direction: a change word before the figure ("fell by 11 per cent", "down 22%", "rose from 19"), and the two ends
//! of "from X to Y", which share one direction, inferred from the values when no word gives it.

use super::figures::Parser;
use super::lexer::Kind;
use super::tables::{self, class};
use super::unit::Unit;
use super::{Change, Role};

/// Most tokens between the two ends of "from X … to Y".
const FROM_TO_REACH: usize = 40;

/// Most words between a change verb and the "by" of its figure when its object stands between them ("cut the
/// spacecraft's mass by a third", "raised the council tax by 5%").
const BY_REACH: usize = 6;

/// Most figures between the two ends of "from X … to Y".
const MAX_FIGURES_BETWEEN: usize = 4;

impl Parser<'_> {
    /// A change verb a few words before the figure: "fell by 11", "down 22%", "rose from 19".
    pub(crate) fn change_before(&self, i: usize) -> Option<Change> {
        self.change_right_before(i).or_else(|| self.change_over_object(i))
    }

    fn change_right_before(&self, i: usize) -> Option<Change> {
        let mut k = i;
        for _ in 0..3 {
            k = k.checked_sub(1)?;
            let t = self.toks[k];
            if t.kind != Kind::Word {
                return None;
            }
            if t.class & class::CHANGE != 0 {
                return tables::lookup(tables::CHANGE_WORDS, self.word(k));
            }
            if !tables::CHANGE_GAP.iter().any(|g| self.is(k, g)) {
                return None;
            }
        }
        None
    }

    /// "cut the spacecraft's mass by a third": a change verb, its object, then "by" and the figure, all words.
    fn change_over_object(&self, i: usize) -> Option<Change> {
        let by = i.checked_sub(1).filter(|&p| self.is(p, "by"))?;
        for k in (by.saturating_sub(BY_REACH)..by).rev() {
            let t = self.toks[k];
            if t.kind != Kind::Word {
                return None;
            }
            if t.class & class::CHANGE != 0 {
                return tables::lookup(tables::CHANGE_WORDS, self.word(k));
            }
        }
        None
    }

    /// "rose 6% in 2023 and 10% in 2022": a figure joined by "and"/"or" to the figure before it (with at most a
    /// short period between) shares its direction.
    pub(crate) fn change_shared(&self, i: usize, unit: Unit) -> Option<Change> {
        let joiner = i.checked_sub(1).filter(|&p| self.is(p, "and") || self.is(p, "or"))?;
        let prev = self.found.iter().rev().find(|f| f.q.unit != Unit::Date)?;
        let gap = joiner.checked_sub(prev.last + 1)?;
        let only_period_between = (prev.last + 1..joiner)
            .all(|k| self.mentions.iter().rev().take(3).any(|m| m.first <= k && k <= m.last) || self.is(k, "in"));
        (prev.q.unit == unit && prev.q.role.is_none() && gap <= 4 && only_period_between).then_some(prev.q.change)?
    }

    pub(crate) fn role_before(&self, i: usize) -> Option<Role> {
        let p = i.checked_sub(1)?;
        if self.is(p, "from") {
            Some(Role::From)
        } else if self.is(p, "to") {
            Some(Role::To)
        } else {
            None
        }
    }

    /// "from 19 per cent … to 25 per cent": both ends share the direction, inferred from the values if unwritten.
    pub(crate) fn link_from_to(&mut self) {
        for a in 0..self.found.len() {
            if self.found[a].q.role != Some(Role::From) {
                continue;
            }
            let sentence_end = self.sentence_end(self.found[a].last);
            let partner = (a + 1..self.found.len()).take(MAX_FIGURES_BETWEEN).find(|&b| {
                let f = &self.found[b];
                f.first < sentence_end && f.q.role == Some(Role::To) && f.q.unit == self.found[a].q.unit
            });
            if let Some(b) = partner {
                let (va, vb) = (self.found[a].q.value, self.found[b].q.value);
                let inferred = if vb > va {
                    Some(Change::Up)
                } else if vb < va {
                    Some(Change::Down)
                } else {
                    None
                };
                let dir = self.found[a].q.change.or(self.found[b].q.change).or(inferred);
                self.found[a].q.change = dir;
                self.found[b].q.change = dir;
            }
        }
        for f in &mut self.found {
            if f.q.role == Some(Role::To) && f.q.change.is_none() {
                f.q.role = None;
            }
        }
    }

    /// The end of the sentence holding `from`, looking no further than the reach of "from X to Y".
    pub(crate) fn sentence_end(&self, from: usize) -> usize {
        (from..self.toks.len().min(from + FROM_TO_REACH))
            .find(|&i| self.toks[i].kind == Kind::Break)
            .unwrap_or(self.toks.len().min(from + FROM_TO_REACH))
    }
}
