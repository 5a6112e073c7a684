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
//! // The struct form: keys are constants, a program keeps only those it reads.
//! zettaflop_estimator::keys! {
//!     /// Titles.
//!     pub struct T {
//!         Home => "Home", "Accueil";
//!     }
//! }
//! assert_eq!(T::Home.t(Locale::Fr), "Accueil");
//! assert_eq!(T::ALL, &[T::Home]);
//! ```
//!
//! A table is a `match` returning a pair of `&'static str`: it costs the wasm what the same
//! texts written inline cost, and no formatting machinery.

use crate::format::Locale;

/// Declares a key table, each key with its English and French text (`Key => "english",
/// "français";`), with `ALL` (every key), `pair()` and `t(locale)`. Two forms: `enum` (keys are
/// variants; a key converts into the [`Key`] an error carries) and `struct` (keys are constants
/// of a struct holding the pair, so a program links only the texts it uses: the page's table).
#[macro_export]
macro_rules! keys {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => $en:expr, $fr:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $(#[allow(missing_docs)] $key),* }
        $(const _: () = assert!(
            $crate::text::keys::well_formed($en, $fr),
            concat!(stringify!($name), "::", stringify!($key), ": a text is empty, or English and French do not take as many {{}}")
        );)*

        #[allow(dead_code)]
        impl $name {
            /// Every key.
            pub const ALL: &'static [$name] = &[$($name::$key),*];
            /// English and French.
            pub const fn pair(self) -> (&'static str, &'static str) {
                match self { $($name::$key => ($en, $fr)),* }
            }
            /// The text in `l`.
            pub fn t(self, l: $crate::format::Locale) -> &'static str {
                $crate::text::keys::pick(self.pair(), l)
            }
        }

        impl From<$name> for $crate::text::keys::Key {
            fn from(k: $name) -> Self {
                $crate::text::keys::Key::new(
                    |i| $name::ALL.get(usize::from(i)).map_or(("", ""), |k| k.pair()),
                    k as u16,
                )
            }
        }
    };
    ($(#[$meta:meta])* $vis:vis struct $name:ident { $($key:ident => $en:expr, $fr:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis struct $name(&'static [&'static str; 2]);
        $(const _: () = assert!(
            $crate::text::keys::well_formed($en, $fr),
            concat!(stringify!($name), "::", stringify!($key), ": a text is empty, or English and French do not take as many {{}}")
        );)*

        #[allow(dead_code, non_upper_case_globals)]
        impl $name {
            $(#[allow(missing_docs)] pub const $key: $name = $name(&[$en, $fr]);)*
            /// Every key.
            pub const ALL: &'static [$name] = &[$($name::$key),*];
            /// English and French.
            pub const fn pair(self) -> (&'static str, &'static str) {
                (self.0[0], self.0[1])
            }
            /// The text in `l`.
            pub fn t(self, l: $crate::format::Locale) -> &'static str {
                $crate::text::keys::pick(self.pair(), l)
            }
        }
    };
}

/// A key of any table, as an error carries it. The table's texts are linked into a program
/// only where one of its keys is made: an error of the claim checker carries a key of the claim
/// checker's table, and the page's calculator, which never raises it, does not carry its words.
#[derive(Clone, Copy)]
pub struct Key {
    table: fn(u16) -> (&'static str, &'static str),
    index: u16,
}

impl Key {
    /// The key `index` of the table whose pairs `table` returns (made by `From` on a key).
    pub fn new(table: fn(u16) -> (&'static str, &'static str), index: u16) -> Key {
        Key { table, index }
    }

    /// English and French.
    pub fn pair(self) -> (&'static str, &'static str) {
        (self.table)(self.index)
    }

    /// The text in `l`.
    pub fn t(self, l: Locale) -> &'static str {
        pick(self.pair(), l)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.pair() == other.pair()
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({:?})", self.pair().0)
    }
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

/// A table with a blank text, or with figures missing in one language, does not compile:
///
/// ```compile_fail
/// zettaflop_estimator::keys! {
///     /// Broken.
///     pub enum B {
///         Gpus => "{} GPUs", "GPU";
///     }
/// }
/// ```
///
/// Whether a key's two texts are fit to show: neither blank, and as many `{}` in both (unless a
/// language numbers them, `{0}`…`{9}`, to reorder the figures). `keys!` asserts it for every key
/// at compile time.
pub const fn well_formed(en: &str, fr: &str) -> bool {
    let (e, f) = (en.as_bytes(), fr.as_bytes());
    if blank(e) || blank(f) {
        return false;
    }
    numbered(e) || numbered(f) || plain(e) == plain(f)
}

const fn blank(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_whitespace() {
            return false;
        }
        i += 1;
    }
    true
}

const fn plain(b: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i + 1 < b.len() {
        if b[i] == b'{' && b[i + 1] == b'}' {
            n += 1;
        }
        i += 1;
    }
    n
}

const fn numbered(b: &[u8]) -> bool {
    let mut i = 0;
    while i + 2 < b.len() {
        if b[i] == b'{' && b[i + 1].is_ascii_digit() && b[i + 2] == b'}' {
            return true;
        }
        i += 1;
    }
    false
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
