//! A URL query string written from the page's state: the permalink of a scenario (the sentence to
//! quote carries one) and the page's own links. Reading a query back, with its notices, is the
//! page's business (crate `zettaflop-link`), which writes through these same functions.
//!
//! ```
//! use zettaflop_estimator::format::Locale;
//! use zettaflop_estimator::query::write;
//! let values = [("count", "64 000".to_string()), ("hardware", "gb200".to_string())];
//! assert_eq!(
//!     write(Some("factcheck"), Some(Locale::Fr), false, &values),
//!     "mode=factcheck&lang=fr&count=64%20000&hardware=gb200"
//! );
//! ```

use crate::format::Locale;

/// Encodes every byte but `A–Z a–z 0–9 - . _ ~` as `%XX`.
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~') {
            out.push(c as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(c >> 4)] as char);
            out.push(HEX[usize::from(c & 15)] as char);
        }
    }
    out
}

/// The query (without `?`): `mode`, `lang` and `embed` first when given, then each input's key
/// and value in order, every part percent-encoded.
pub fn write<K: AsRef<str>>(
    mode: Option<&str>,
    locale: Option<Locale>,
    embed: bool,
    values: &[(K, String)],
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = mode {
        parts.push(format!("mode={}", percent_encode(m)));
    }
    if let Some(l) = locale {
        parts.push(format!(
            "lang={}",
            if l == Locale::Fr { "fr" } else { "en" }
        ));
    }
    if embed {
        parts.push("embed=1".into());
    }
    for (k, v) in values {
        parts.push(format!(
            "{}={}",
            percent_encode(k.as_ref()),
            percent_encode(v)
        ));
    }
    parts.join("&")
}
