//! The subcommands, one module per concept.

pub(crate) mod checks;
pub(crate) mod connect;
pub(crate) mod demo;
pub(crate) mod ops;
pub(crate) mod output;
pub(crate) mod serve;
