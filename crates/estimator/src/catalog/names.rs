//! Catalog names in the reader's language: the names themselves are proper nouns, but their
//! qualifiers in parentheses ("per Blackwell GPU", "full campus", "Aug 2024") are words and
//! dates, translated here for the French page.
//!
//! ```
//! use zettaflop_estimator::names::name_in;
//! use zettaflop_estimator::format::Locale;
//! assert_eq!(name_in("NVIDIA GB200 NVL72 (per Blackwell GPU)", Locale::Fr),
//!            "NVIDIA GB200 NVL72 (par GPU Blackwell)");
//! assert_eq!(name_in("NVIDIA GB200 NVL72 (per Blackwell GPU)", Locale::En),
//!            "NVIDIA GB200 NVL72 (per Blackwell GPU)");
//! ```

use crate::format::Locale;

crate::keys! {
    /// The qualifiers of the catalog's names, English and French, replaced in this order
    /// (the longer "per Blackwell Ultra GPU" before "per Blackwell GPU").
    enum Qualifier {
        BlackwellUltra => "per Blackwell Ultra GPU", "par GPU Blackwell Ultra";
        Blackwell => "per Blackwell GPU", "par GPU Blackwell";
        Hgx1000 => "HGX 1000 W", "HGX 1\u{202f}000 W";
        FullCampus => "full campus", "campus entier";
        Summer2025 => "summer 2025", "été 2025";
        End2026 => "end 2026", "fin 2026";
        AllSites => "all sites", "tous les sites";
        ToBeAnnounced => "to be announced", "à annoncer";
        Target => "target", "objectif";
        Preview => "preview", "préversion";
        Jan => "Jan ", "janv. ";
        Feb => "Feb ", "févr. ";
        Mar => "Mar ", "mars ";
        Apr => "Apr ", "avr. ";
        May => "May ", "mai ";
        Jun => "Jun ", "juin ";
        Jul => "Jul ", "juil. ";
        Aug => "Aug ", "août ";
        Sep => "Sep ", "sept. ";
        Oct => "Oct ", "oct. ";
        Nov => "Nov ", "nov. ";
        Dec => "Dec ", "déc. ";
    }
}

/// `name` with its parenthesized qualifiers in `l`.
pub fn name_in(name: &str, l: Locale) -> String {
    if l == Locale::En || !name.contains('(') {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len() + 8);
    let mut rest = name;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..=open]);
        let mut inner = rest[open + 1..close].to_string();
        for (en, fr) in Qualifier::ALL.iter().map(|q| q.pair()) {
            if inner.contains(en) {
                inner = inner.replace(en, fr);
            }
        }
        out.push_str(&inner);
        out.push(')');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn every_qualifier_of_the_catalog_reads_in_french() {
        assert_eq!(
            crate::text::keys::check(Qualifier::ALL, Qualifier::pair),
            Ok(())
        );
        assert_eq!(
            name_in("xAI Colossus (full campus)", Locale::Fr),
            "xAI Colossus (campus entier)"
        );
        assert_eq!(name_in("X (Aug 2024)", Locale::Fr), "X (août 2024)");
        // No English qualifier word is left in a French name.
        let names = catalog::ACCELERATORS
            .iter()
            .map(|a| a.name)
            .chain(catalog::CLUSTERS.iter().map(|c| c.name))
            .chain(catalog::MODELS.iter().map(|m| m.name));
        for n in names {
            let fr = name_in(n, Locale::Fr);
            for word in [
                "per ",
                "full ",
                "summer",
                "end 20",
                "all sites",
                "announced",
                "target",
                "preview",
            ] {
                assert!(!fr.contains(word), "{n} → {fr}");
            }
        }
    }
}
