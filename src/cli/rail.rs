//! `routecheck rail import FILE -o region.rail [--force] [--json]`: compiles a rail file
//! (OpenStreetMap `.osm.pbf`, OSM XML, Overpass JSON or GeoJSON) into the binary network that
//! `--rail region.rail` loads without reading and splitting the source again.

use std::path::{Path, PathBuf};
use std::time::Instant;

use routecheck::network::{FORMAT_VERSION, ImportCounts, PbfImport, RailFormat, RailNetwork};

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
    let (counts, format) = compile(&a.file, &a.output)?;
    let seconds = start.elapsed().as_secs_f64();
    let text = if a.json {
        format!(
            "{:#}\n",
            serde_json::json!({
                "schema": super::json_out::RAIL_IMPORT,
                "source": a.file.display().to_string(),
                "source_format": format,
                "output": a.output.display().to_string(),
                "format_version": FORMAT_VERSION,
                "bytes": counts.bytes,
                "nodes": counts.nodes,
                "edges": counts.edges,
                "segments": counts.segments,
                "lines": counts.lines,
                "stations": counts.stations,
                "seconds": seconds,
            })
        )
    } else {
        format!(
            "{}: {} track nodes, {} edges ({} segments), {} lines, {} stations\nwrote {} ({} bytes, format version {}) in {:.2} s\n",
            a.file.display(),
            counts.nodes,
            counts.edges,
            counts.segments,
            counts.lines,
            counts.stations,
            a.output.display(),
            counts.bytes,
            FORMAT_VERSION,
            seconds
        )
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}

/// Compiles `file` into `output`. An `.osm.pbf` extract is written straight from its ways
/// ([`PbfImport`]), in a fraction of the memory a routable network takes; the other formats are
/// read into a network first.
fn compile(file: &Path, output: &Path) -> miette::Result<(ImportCounts, RailFormat)> {
    let write = |put: &mut dyn FnMut(&mut std::fs::File) -> std::io::Result<()>| {
        super::output::atomic_write_with(output, put).map_err(super::files::output_error)
    };
    if RailFormat::of_file(file).map_err(|e| named(file, e))? == RailFormat::OsmPbf {
        crate::free_memory_at_once();
        let import = PbfImport::read(file).map_err(|e| named(file, e))?;
        let mut counts = ImportCounts::default();
        write(&mut |f| {
            counts = import.write_compiled("OpenStreetMap PBF", f)?;
            Ok(())
        })?;
        return Ok((counts, RailFormat::OsmPbf));
    }
    let (net, format) = load(file)?;
    let bytes = net.to_compiled();
    write(&mut |f| std::io::Write::write_all(f, &bytes))?;
    let counts = ImportCounts {
        nodes: net.node_count(),
        edges: net.edge_count(),
        segments: net.segment_count(),
        lines: net.lines().len(),
        stations: net.stations().len(),
        bytes: bytes.len() as u64,
    };
    Ok((counts, format))
}

/// Reads a `--rail FILE` network in any format, naming the file in errors.
pub fn load(path: &Path) -> miette::Result<(RailNetwork, RailFormat)> {
    RailNetwork::from_file(path).map_err(|e| named(path, e))
}

/// A network error as a message that names the file and every cause.
fn named(path: &Path, e: routecheck::network::Error) -> miette::Report {
    let mut msg = format!("{}: {e}", path.display());
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    miette::miette!("{msg}")
}
