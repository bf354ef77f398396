//! The crate's error: every module's error, for callers that run the whole pipeline.

/// Any routecheck error.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    #[error(transparent)]
    #[diagnostic(transparent)]
    /// The story file could not be read or is not a valid story.
    Story(#[from] crate::story::Error),
    #[error(transparent)]
    #[diagnostic(transparent)]
    /// The bundled gazetteer could not be loaded, or a place could not be looked up.
    Place(#[from] crate::gazetteer::Error),
    #[error(transparent)]
    #[diagnostic(transparent)]
    /// The route could not be built: a waypoint that resolves to no place, a leg the
    /// railway tables cannot route, a damaged bundled table.
    Route(#[from] crate::route::Error),
}

/// A result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
