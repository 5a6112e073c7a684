//! One text system for the estimator and the page: a table of keys, each declared with its
//! English and its French (a missing translation does not compile), read with `key.t(locale)`;
//! sentences with figures are templates whose `{}` are filled in order ([`fill`]).
//!
//! ```
//! use zettaflop_estimator::format::Locale;
//! use zettaflop_estimator::text::keys::fill;
//! zettaflop_estimator::keys! {
//!     /// Greetings.
//!     pub enum G {
//!         Hello => "hello {}", "bonjour {}";
//!     }
//! }
//! assert_eq!(G::Hello.t(Locale::Fr), "bonjour {}");
//! assert_eq!(fill(G::Hello.t(Locale::En), &["Ada"]), "hello Ada");
//! assert_eq!(G::ALL, &[G::Hello]);
//! ```
//!
//! A table is a `match` returning a pair of `&'static str`: it costs the wasm what the same
//! texts written inline cost, and no formatting machinery.

use crate::format::Locale;

/// Declares a key table: an enum whose variants are keys, each with its English and French
/// text (`Key => "english", "français";`), with `ALL` (every key), `pair()` and `t(locale)`.
#[macro_export]
macro_rules! keys {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => $en:expr, $fr:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $(#[allow(missing_docs)] $key),* }

        #[allow(dead_code)]
        impl $name {
            /// Every key.
            pub const ALL: &'static [$name] = &[$($name::$key),*];
            /// English and French.
            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $($name::$key => ($en, $fr)),* }
            }
            /// The text in `l`.
            pub fn t(self, l: $crate::format::Locale) -> &'static str {
                $crate::text::keys::pick(self.pair(), l)
            }
        }
    };
}

/// The text of a pair in `l`.
pub fn pick((en, fr): (&'static str, &'static str), l: Locale) -> &'static str {
    match l {
        Locale::En => en,
        Locale::Fr => fr,
    }
}

/// `template` with each `{}` replaced by the next argument, and each `{N}` (one digit) by the
/// N-th (for a language that orders the figures differently). Any other brace is text.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut next = 0;
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (k, skip) = match after.as_bytes() {
            [b'}', ..] => {
                next += 1;
                (next - 1, 1)
            }
            [d @ b'0'..=b'9', b'}', ..] => (usize::from(d - b'0'), 2),
            _ => {
                out.push('{');
                rest = after;
                continue;
            }
        };
        out.push_str(args.get(k).copied().unwrap_or(""));
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

/// For a table's test: every text is written, and both languages have as many `{}` (each
/// `pair` of `all`; returns the first key that fails, with why).
pub fn check<K: Copy + std::fmt::Debug>(
    all: &[K],
    pair: impl Fn(K) -> (&'static str, &'static str),
) -> Result<(), String> {
    for &k in all {
        let (en, fr) = pair(k);
        if en.trim().is_empty() || fr.trim().is_empty() {
            return Err(format!("{k:?}: empty text"));
        }
        let plain = |t: &str| t.matches("{}").count();
        let numbered = |t: &str| (0..10).any(|n| t.contains(&format!("{{{n}}}")));
        if !numbered(en) && !numbered(fr) && plain(en) != plain(fr) {
            return Err(format!("{k:?}: not as many {{}} in English and French"));
        }
    }
    Ok(())
}
