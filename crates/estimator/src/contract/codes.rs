//! The report's enumerations: Rust enums in the code, today's strings in the JSON (each
//! variant's `serde` name is its contract string, and `id()` returns the same string for the
//! CSV export and the page). The JSON Schema lists the allowed strings.

use serde::{Deserialize, Serialize};

/// Declares a contract enumeration: each variant with its JSON string.
macro_rules! contract_enum {
    ($(#[$m:meta])* $name:ident { $( $(#[$vm:meta])* $v:ident = $s:literal, )* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $( $(#[$vm])* #[serde(rename = $s)] $v, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            /// The contract's string (the JSON value).
            pub fn id(self) -> &'static str {
                match self {
                    $( $name::$v => $s, )*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

contract_enum! {
    /// Where the report's utilization comes from (`utilization_basis`).
    UtilizationBasis {
        /// A number in the scenario.
        Given = "given",
        /// The catalog's default (0.40).
        Default = "default",
        /// The performance model's prediction (`"auto"`).
        Predicted = "predicted",
    }
}

contract_enum! {
    /// How the checkpoint interval was chosen (`goodput.interval_rule`).
    IntervalRule {
        /// Young's √(2·δ·M).
        Young = "young",
        /// Capped at the MTBF (δ ≥ M/2).
        Mtbf = "mtbf",
    }
}

contract_enum! {
    /// A warning's stable code (`warnings[].code`).
    WarningCode {
        /// A checkpoint takes half the time between interruptions or more.
        CheckpointSlow = "checkpoint_slow",
        /// Interruptions come faster than a restart: the run never finishes.
        NeverFinishes = "never_finishes",
        /// `"auto"` utilization found no parallel layout; the default is used.
        AutoFailed = "auto_failed",
        /// Utilization above what published large runs sustain.
        UtilizationHigh = "utilization_high",
        /// The sparse peak is used.
        SparsePeak = "sparse_peak",
        /// The claimed duration needs more than the peak.
        ClaimImpossible = "claim_impossible",
        /// The claimed duration needs more than any published run sustains.
        ClaimOptimistic = "claim_optimistic",
    }
}

contract_enum! {
    /// An input whose range widens the report's ranges (`ranges.varied[]`).
    Varied {
        /// The preset's compute estimate.
        Workload = "workload",
        /// The typical utilization band (default utilization).
        Utilization = "utilization",
        /// The PUE band (default PUE).
        Pue = "pue",
        /// The chip's all-in power.
        Power = "power",
        /// The chip's peak at this precision.
        Peak = "peak",
    }
}
