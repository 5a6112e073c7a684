//! The **model**, as Calculon splits the problem: what is trained and the compute it takes (from a
//! FLOP figure, from 6·N·D, or from a catalog preset). The scaling laws (what a compute buys) are in
//! [`crate::scaling`]; a model's shape for the performance model in [`crate::perf`].

pub(crate) mod workload;
