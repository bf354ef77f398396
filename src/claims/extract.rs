//! Finding claims in article text (placeholder while the engine is built).
