//! Shared pieces of the JSON contract beyond scenario and report.

mod codes;
pub(crate) mod error;
pub mod export;
pub mod fields;
pub mod limits;
pub(crate) mod report;
#[cfg(feature = "schema")]
pub mod schema;

use serde::{Deserialize, Serialize};

use crate::catalog;

/// What `zettaflop catalog --json` and `catalogIds()` return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogIds {
    /// Accelerator ids with names.
    pub hardware: Vec<IdName>,
    /// Model preset ids with names.
    pub models: Vec<IdName>,
}

/// What the JS API throws (and what the CLI prints on stderr as `zettaflop: FIELD: MESSAGE`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiError {
    /// The field at fault, as a JSON path (`utilization`, `workload.tokens`,
    /// `hardware.all_in_w`), or the document (`scenario`, `claim`, `job`) when it does not parse.
    pub field: String,
    /// One sentence, in the language asked for.
    pub message: String,
}

/// An id and its display name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IdName {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

impl CatalogIds {
    /// Lists the catalog.
    pub fn new() -> CatalogIds {
        CatalogIds {
            hardware: catalog::ACCELERATORS
                .iter()
                .map(|a| IdName {
                    id: a.id.into(),
                    name: a.name.into(),
                })
                .collect(),
            models: catalog::MODELS
                .iter()
                .map(|m| IdName {
                    id: m.id.into(),
                    name: m.name.into(),
                })
                .collect(),
        }
    }
}

impl Default for CatalogIds {
    fn default() -> Self {
        CatalogIds::new()
    }
}
