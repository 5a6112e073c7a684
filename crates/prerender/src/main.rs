//! `zettaflop-prerender en|fr`: the page's default render in that language, as HTML on stdout
//! (`scripts/prerender.mjs` puts both into `dist/index.html`).

use std::process::ExitCode;

use zettaflop_web::i18n::Locale;

fn main() -> ExitCode {
    let locale = match std::env::args().nth(1).as_deref() {
        Some("en") => Locale::En,
        Some("fr") => Locale::Fr,
        _ => {
            eprintln!("usage: zettaflop-prerender en|fr");
            return ExitCode::from(2);
        }
    };
    println!("{}", zettaflop_web::prerender::page_html(locale));
    ExitCode::SUCCESS
}
