//! Word-level alignment of a claim with a page: where the claim's words line up, how close they are, and what
//! differs.
//!
//! Candidate places are voted for by shared tokens along alignment diagonals (doc index − claim index), and only
//! those windows are aligned word by word: a semi-global edit distance, the claim aligned whole and the page
//! anywhere, with nearly identical tokens (`strsim`) cheap to substitute so they anchor the alignment but still
//! count as a difference. Thresholds are in `docs/decisions.md` ("Quotations").

use std::collections::HashMap;

use super::{Candidate, Claim, Op, Page, Who};
use crate::quote::text::folded;
use crate::quote::text::Token;
use crate::quote::WordEdit;

/// Tokens at least this close (normalised Levenshtein) count as nearly the same word when aligning.
const NEAR_TOKEN: f64 = 0.8;
/// Tokens seen more often than this on a page do not vote for candidate places (they are everywhere).
const COMMON_TOKEN: usize = 400;
/// A source quotation sharing at least this many consecutive words with a longer claim, and ending where they end,
/// quotes less of the same words (`shorter`), not other words.
const SHORTER_MIN_WORDS: usize = 4;
/// Candidate places aligned per speaker class.
const CANDIDATES: usize = 6;

impl Page<'_> {
    /// Candidate diagonals (doc index − claim index) where many claim tokens line up, best first.
    pub(super) fn diagonals(&self, claim: &[Token], keep: impl Fn(Who) -> bool) -> Vec<isize> {
        let mut votes: HashMap<isize, usize> = HashMap::new();
        for (j, t) in claim.iter().enumerate() {
            let Some(hits) = self.index.get(&t.hash) else { continue };
            if hits.len() > COMMON_TOKEN {
                continue;
            }
            for &p in hits {
                if keep(self.who(p)) {
                    *votes.entry(p as isize - j as isize).or_default() += 1;
                }
            }
        }
        let slack = (claim.len() / 4).max(2) as isize;
        let mut scored: Vec<(usize, isize)> = votes
            .keys()
            .map(|&d| ((d - slack..=d + slack).filter_map(|e| votes.get(&e)).sum(), d))
            .filter(|&(n, _)| n >= 2 || claim.len() <= 3)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out: Vec<isize> = Vec::new();
        for (_, d) in scored {
            if out.iter().all(|&o| (o - d).abs() > slack) {
                out.push(d);
                if out.len() == CANDIDATES {
                    break;
                }
            }
        }
        out
    }

    /// Aligns the claim against the page around diagonal `d`.
    pub(super) fn align(&self, claim: &Claim<'_>, d: isize) -> Option<Candidate> {
        let m = claim.toks.len();
        let pad = (m / 3).max(3) as isize;
        let lo = (d - pad).max(0) as usize;
        let hi = ((d + m as isize + pad).max(0) as usize).min(self.toks.len());
        if lo >= hi {
            return None;
        }
        let window: Vec<String> = self.toks[lo..hi]
            .iter()
            .map(|t| folded(&self.doc.text[t.start..t.end]))
            .collect();
        let w = window.len();
        let cost = |j: usize, x: usize| -> f64 {
            if claim.toks[j].hash == self.toks[lo + x].hash {
                return 0.0;
            }
            let (a, b) = (&claim.forms[j], &window[x]);
            let (la, lb) = (a.chars().count(), b.chars().count());
            if la < 4 || lb < 4 || la.abs_diff(lb) > 2 || a.chars().next() != b.chars().next() {
                return 1.0;
            }
            let s = strsim::normalized_levenshtein(a, b);
            if s >= NEAR_TOKEN {
                1.0 - s
            } else {
                1.0
            }
        };
        // semi-global edit distance: the claim is aligned whole, the page window anywhere
        let mut dp = vec![vec![0.0f64; w + 1]; m + 1];
        for (j, row) in dp.iter_mut().enumerate() {
            row[0] = j as f64;
        }
        for j in 1..=m {
            for x in 1..=w {
                let diag = dp[j - 1][x - 1] + cost(j - 1, x - 1);
                dp[j][x] = diag.min(dp[j - 1][x] + 1.0).min(dp[j][x - 1] + 1.0);
            }
        }
        let (mut x, _) = (0..=w)
            .map(|x| (x, dp[m][x]))
            .min_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
        let mut j = m;
        let mut ops = Vec::with_capacity(m + 4);
        while j > 0 {
            let c = if x > 0 { cost(j - 1, x - 1) } else { 1.0 };
            if x > 0 && (dp[j][x] - (dp[j - 1][x - 1] + c)).abs() < 1e-9 {
                ops.push(if c == 0.0 {
                    Op::Same(j - 1, lo + x - 1)
                } else {
                    Op::Change(j - 1, lo + x - 1, c)
                });
                j -= 1;
                x -= 1;
            } else if (dp[j][x] - (dp[j - 1][x] + 1.0)).abs() < 1e-9 {
                ops.push(Op::Added(j - 1));
                j -= 1;
            } else {
                ops.push(Op::Dropped(lo + x - 1));
                x -= 1;
            }
        }
        ops.reverse();
        // dropped words at the edges are outside the match
        while matches!(ops.first(), Some(Op::Dropped(_))) {
            ops.remove(0);
        }
        while matches!(ops.last(), Some(Op::Dropped(_))) {
            ops.pop();
        }
        let doc_side = |op: &Op| match *op {
            Op::Same(_, x) | Op::Change(_, x, _) | Op::Dropped(x) => Some(x),
            Op::Added(_) => None,
        };
        let first = ops.iter().find_map(doc_side)?;
        let last = ops.iter().rev().find_map(doc_side)?;
        let kept: f64 = ops
            .iter()
            .map(|op| match *op {
                Op::Same(..) => 1.0,
                Op::Change(_, _, c) if c < 1.0 => 1.0 - c,
                _ => 0.0,
            })
            .sum();
        let similarity = 2.0 * kept / (m + last + 1 - first) as f64;
        let matched = ops
            .iter()
            .filter_map(|op| if let Op::Same(_, x) = op { Some(*x) } else { None });
        let who = self.whose(matched);
        Some(Candidate {
            first,
            last,
            similarity,
            ops,
            who,
        })
    }

    /// Does the source quotation the candidate lies in say less rather than otherwise: its longest run of words in
    /// common with the claim is verbatim and, on each side, reaches the end of the claim or of the quotation?
    pub(super) fn shorter(&self, c: &Candidate, claim: &Claim<'_>) -> bool {
        let mut owners: Vec<usize> = c
            .ops
            .iter()
            .filter_map(|op| if let Op::Same(_, x) = op { self.owner[*x] } else { None })
            .collect();
        owners.sort_unstable();
        let Some(q) = owners
            .chunk_by(|a, b| a == b)
            .max_by_key(|run| run.len())
            .and_then(|run| run.first().copied())
        else {
            return false;
        };
        let quoted: Vec<u64> = (0..self.toks.len())
            .filter(|&t| self.owner[t] == Some(q))
            .map(|t| self.toks[t].hash)
            .collect();
        let said: Vec<u64> = claim.toks.iter().map(|t| t.hash).collect();
        // longest common run of words (quotation position, claim position, length)
        let mut best = (0, 0, 0);
        let mut row = vec![0usize; said.len() + 1];
        for (i, h) in quoted.iter().enumerate() {
            for j in (0..said.len()).rev() {
                row[j + 1] = if *h == said[j] { row[j] + 1 } else { 0 };
                if row[j + 1] > best.2 {
                    best = (i + 1 - row[j + 1], j + 1 - row[j + 1], row[j + 1]);
                }
            }
        }
        let (i, j, len) = best;
        len >= SHORTER_MIN_WORDS
            && len < said.len()
            && (i == 0 || j == 0)
            && (i + len == quoted.len() || j + len == said.len())
    }

    /// Contiguous runs of differing words, as written on each side.
    pub(super) fn edits(&self, ops: &[Op], claim: &Claim<'_>) -> Vec<WordEdit> {
        let mut out = Vec::new();
        let mut run: (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
        let claim_word = |j: usize| &claim.text[claim.toks[j].start..claim.toks[j].end];
        let doc_word = |x: usize| &self.doc.text[self.toks[x].start..self.toks[x].end];
        for op in ops {
            match *op {
                Op::Same(..) => {
                    if !run.0.is_empty() || !run.1.is_empty() {
                        out.push(WordEdit {
                            claim: run.0.join(" "),
                            source: run.1.join(" "),
                        });
                        run = (Vec::new(), Vec::new());
                    }
                }
                Op::Change(j, x, _) => {
                    run.0.push(claim_word(j));
                    run.1.push(doc_word(x));
                }
                Op::Added(j) => run.0.push(claim_word(j)),
                Op::Dropped(x) => run.1.push(doc_word(x)),
            }
        }
        if !run.0.is_empty() || !run.1.is_empty() {
            out.push(WordEdit {
                claim: run.0.join(" "),
                source: run.1.join(" "),
            });
        }
        out
    }
}
