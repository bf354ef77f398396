//! The crate's error: every module's error, for callers that run the whole pipeline.

/// Any routecheck error.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Story(#[from] crate::story::Error),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Place(#[from] crate::gazetteer::Error),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Route(#[from] crate::route::Error),
}

/// A result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
