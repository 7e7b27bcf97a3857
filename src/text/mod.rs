//! The one text layer: sentences, word tokens, folding, stems, stop words, abbreviations and negation cues, used
//! by every reader of text in crosscheck — the verifier, the quotation matcher, the quantity engine and the
//! draft-claim finder — so that none of them disagrees with another on where a sentence ends or what a word is.
//!
//! What it is not: a language model. It reads the way a fact-checker skims, with general-language tables
//! ([`lexicon`]) and small rules; the key decision is that every comparison of words goes through one folding
//! ([`words::fold`]) and one stemmer ([`words::stem`]).

pub mod lexicon;
mod sentences;
mod words;

pub use sentences::{sentence_around, sentences, split_sentences, Sentence, CLOSING_MARKS};
pub use words::{
    base_letter, content_words, fold, is_content, negated, normalise, same_word, stem, tokens, words, Token,
};
pub(crate) use words::{is_apostrophe, is_combining, is_invisible};
