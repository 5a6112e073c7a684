//! Text in and out: the one text system ([`keys`]: tables of keys with their English and
//! French, a missing one does not compile, and `fill` for figures), an error's words
//! ([`error_text`]); quantities as people type them ([`parse`]) and read them ([`format`](mod@format)), in
//! English and French; an input's error in the field's own unit ([`input_message`]); the sentence
//! to quote ([`quote`]) and its permalink ([`query`]).

pub mod answer;
pub mod error_text;
pub mod format;
pub mod input_message;
pub mod keys;
pub mod parse;
pub mod query;
pub mod quote;
