//! The **system**: the chips (a catalog id or a custom chip), their peaks per precision and how
//! they are counted (GPU, package, node, rack), and a site's power and the GPUs it holds. The
//! catalog rows themselves are in [`crate::catalog`].

pub(crate) mod hardware;
pub mod site;
