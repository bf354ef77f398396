//! `routecheck sources`: the bundled data, where it came from and its licence.

use routecheck::sources::{BUNDLED, FROM_CRATES};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let text = if a.json {
        format!(
            "{:#}\n",
            serde_json::json!({
                "schema": super::json_out::SOURCES,
                "bundled": BUNDLED,
                "from_crates": FROM_CRATES,
            })
        )
    } else {
        let mut s =
            String::from("Bundled data (details, checksums and derivations: data/README.md)\n");
        let all = || BUNDLED.iter().chain(FROM_CRATES);
        let w = all().map(|d| d.path.chars().count()).max().unwrap_or(0);
        for d in all() {
            s.push_str(&format!(
                "  {:<w$} {}\n  {:<w$} {} ({})\n",
                d.path, d.what, "", d.origin, d.licence
            ));
        }
        s
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}
