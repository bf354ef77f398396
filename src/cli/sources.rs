//! `routecheck sources`: the bundled data, where it came from and its licence.

use routecheck::sources::BUNDLED;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let text = if a.json {
        format!("{:#}\n", serde_json::json!(BUNDLED))
    } else {
        let mut s =
            String::from("Bundled data (details, checksums and derivations: data/README.md)\n");
        for d in BUNDLED {
            s.push_str(&format!(
                "  {:<14} {}\n  {:<14} {} ({})\n",
                d.path, d.what, "", d.origin, d.licence
            ));
        }
        s
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}
