//! `routecheck rail import FILE -o region.rail [--force] [--json]`: compiles a rail file
//! (OpenStreetMap `.osm.pbf`, OSM XML, Overpass JSON or GeoJSON) into the binary network that
//! `--rail region.rail` loads without reading and splitting the source again.

use std::path::{Path, PathBuf};
use std::time::Instant;

use routecheck::network::{FORMAT_VERSION, RailFormat, RailNetwork};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Compile a rail file (.osm.pbf, OSM XML, Overpass JSON, GeoJSON) into a .rail network.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The source: an OpenStreetMap extract (.osm.pbf), OSM XML, Overpass JSON or GeoJSON.
    pub file: PathBuf,
    /// Where to write the compiled network.
    #[arg(short = 'o', long = "output", value_name = "FILE.rail")]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let Action::Import(a) = a.action;
    super::output::check_target(&a.output, a.force).map_err(super::files::output_error)?;
    let start = Instant::now();
    let (net, format) = load(&a.file)?;
    let bytes = net.to_compiled();
    super::output::atomic_write(&a.output, &bytes).map_err(super::files::output_error)?;
    let seconds = start.elapsed().as_secs_f64();
    let segments: usize = net.segment_count();
    let text = if a.json {
        format!(
            "{:#}\n",
            serde_json::json!({
                "schema": super::json_out::RAIL_IMPORT,
                "source": a.file.display().to_string(),
                "source_format": format,
                "output": a.output.display().to_string(),
                "format_version": FORMAT_VERSION,
                "bytes": bytes.len(),
                "nodes": net.node_count(),
                "edges": net.edge_count(),
                "segments": segments,
                "lines": net.lines().len(),
                "stations": net.stations().len(),
                "seconds": seconds,
            })
        )
    } else {
        format!(
            "{}: {} track nodes, {} edges ({} segments), {} lines, {} stations\nwrote {} ({} bytes, format version {}) in {:.2} s\n",
            a.file.display(),
            net.node_count(),
            net.edge_count(),
            segments,
            net.lines().len(),
            net.stations().len(),
            a.output.display(),
            bytes.len(),
            FORMAT_VERSION,
            seconds
        )
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}

/// Reads a `--rail FILE` network in any format, naming the file in errors.
pub fn load(path: &Path) -> miette::Result<(RailNetwork, RailFormat)> {
    RailNetwork::from_file(path).map_err(|e| {
        let mut msg = format!("{}: {e}", path.display());
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            msg.push_str(&format!(": {s}"));
            source = s.source();
        }
        miette::miette!("{msg}")
    })
}
