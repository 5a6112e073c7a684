//! Collectives at the bandwidth they achieve: which network a group uses, how many of its members
//! share a node, how the bandwidth falls for small messages, and what overlap hides.
//!
//! - **Where**: a group of `size` ranks `stride` apart stays in the scale-up domain when
//!   stride × size ≤ domain (NVLink). Otherwise it crosses the scale-out network; with g of its
//!   members in each node, NCCL runs g rings (channels) through g NICs, so each GPU sees g × its
//!   NIC's bandwidth, at most its NVLink bandwidth (rail-optimized NCCL rings: the node's NICs
//!   carry the one node-crossing hop of each ring). One member per node (e.g. the data-parallel
//!   group under tp = 8) gets one NIC.
//! - **Achieved bandwidth**: bus bandwidth = link × `collective` × m / (m + m½), m the buffer of
//!   one collective call, m½ fitted ([`super::fitted::Fitted::half_bandwidth_bytes`]), a quarter of it on
//!   NVLink (the shape of nccl-tests curves: flat for large messages, latency-bound for small
//!   ones).
//! - **Ring time**: reduce-scatter or all-gather of S bytes over n ranks = (n − 1)/n · S / bw +
//!   n − 1 step latencies per message. In a ring that crosses nodes, the n/g steps that leave a
//!   node pay the fitted scale-out step latency and the others an NVLink hop
//!   ([`NVLINK_RING_HOP_S`]); a ring inside the scale-up domain pays the generation's NVLink
//!   latency per step; all-reduce = both.
//! - **Overlap**: exposed = max(0, comm − compute) + interference · min(comm, compute).

use super::fitted::Fitted;
use super::prepared::Prepared;

/// Bus bandwidth (bytes/s) and per-step latency (s) of a group of `size` ranks `stride` apart,
/// for collectives on buffers of `bytes` (nccl-tests' "size").
#[inline]
pub(crate) fn link(p: &Prepared, stride: f64, size: f64, bytes: f64) -> (f64, f64) {
    let f = &p.fitted;
    let (peak, half, lat) = if stride * size <= p.domain {
        (
            p.scaleup_bw,
            0.25 * f.half_bandwidth_bytes,
            p.eff.scaleup_latency_s,
        )
    } else {
        let per_node = members_per_node(p, stride, size);
        (
            (p.scaleout_bw * per_node).min(p.scaleup_bw),
            f.half_bandwidth_bytes,
            f.ring_step_latency_s,
        )
    };
    let m = bytes.max(1.0);
    (peak * p.eff.collective * m / (m + half), lat)
}

/// Members of a group of `size` ranks `stride` apart in one scale-up domain.
#[inline]
fn members_per_node(p: &Prepared, stride: f64, size: f64) -> f64 {
    if stride >= p.domain {
        1.0
    } else {
        (p.domain / stride).floor().clamp(1.0, size)
    }
}

/// Time of a reduce-scatter or an all-gather of `total` bytes (the whole buffer) over `size`
/// ranks `stride` apart, sent as `messages` equal messages.
#[inline]
pub(crate) fn ring(p: &Prepared, stride: f64, size: f64, total: f64, messages: f64) -> f64 {
    if size <= 1.0 || total <= 0.0 {
        return 0.0;
    }
    let n = messages.max(1.0);
    let (bw, lat) = link(p, stride, size, total / n);
    // Of a ring's n − 1 steps, only those that leave a node pay the scale-out latency: with g
    // members per node, size/g of them; the others are NVLink hops.
    let steps = if stride * size <= p.domain {
        (size - 1.0) * lat
    } else {
        let g = members_per_node(p, stride, size);
        let out = (size / g).max(1.0);
        out * lat + (size - out).max(0.0) * NVLINK_RING_HOP_S
    };
    (size - 1.0) / size * total / bw + n * steps
}

/// Time of an all-to-all over `size` ranks `stride` apart, each rank holding `bytes` of which
/// it keeps 1/size and sends the rest, a share to every other rank (the expert-parallel
/// dispatch and combine). In the scale-up domain it runs at the NVLink bus bandwidth. Across
/// it there is no ring to spread over the node's NICs: every GPU of the node runs its own
/// all-to-all at the same time (the other tensor ranks' groups), so each GPU's traffic to the
/// (size − g)/size of its peers in other nodes goes through one NIC, its own on a
/// rail-optimized fabric, while the (g − 1)/size in its node take NVLink, concurrently.
/// Both at the achieved bandwidth of [`link`]; over NVLink × the dispatcher's share (the fitted
/// `all_to_all` for NCCL's, [`super::software::FUSED_DISPATCH_SHARE`] for fused kernels; the
/// scale-out path is bound by the one NIC whatever the kernel).
#[inline]
pub(crate) fn all_to_all(p: &Prepared, stride: f64, size: f64, bytes: f64) -> f64 {
    if size <= 1.0 || bytes <= 0.0 {
        return 0.0;
    }
    let f = &p.fitted;
    let m = bytes.max(1.0);
    let curve = |half: f64| p.eff.collective * m / (m + half);
    let nvlink = p.scaleup_bw * p.a2a_share * curve(0.25 * f.half_bandwidth_bytes);
    if stride * size <= p.domain {
        return (size - 1.0) / size * bytes / nvlink + p.eff.scaleup_latency_s;
    }
    let g = members_per_node(p, stride, size);
    let nic = p.scaleout_bw * curve(f.half_bandwidth_bytes);
    let (out, inside) = if p.a2a_forwarding {
        // A fused dispatcher sends a token once to each other node that holds one of its k
        // experts, then forwards it over NVLink there (DeepSeek-V3 report §3.2.2, DeepEP): with
        // k experts drawn uniformly over N nodes, (N − 1)(1 − (1 − 1/N)^k) remote nodes per
        // token instead of k · (size − g)/size remote copies; NVLink carries every copy.
        let nodes = (size / g).max(1.0);
        let k = p.active.max(1.0);
        let remote = (nodes - 1.0) * (1.0 - (1.0 - 1.0 / nodes).powf(k));
        (
            remote / k * bytes / nic,
            (size - 1.0) / size * bytes / nvlink,
        )
    } else {
        (
            (size - g) / size * bytes / nic,
            (g - 1.0) / size * bytes / nvlink,
        )
    };
    out.max(inside) + f.ring_step_latency_s
}

/// What shows of `comm` overlapped with `compute`.
#[inline]
pub(crate) fn exposed(f: &Fitted, comm: f64, compute: f64) -> f64 {
    exposed_at(f.interference, comm, compute)
}

/// [`exposed`] with the given interference.
#[inline]
pub(crate) fn exposed_at(interference: f64, comm: f64, compute: f64) -> f64 {
    (comm - compute).max(0.0) + interference * comm.min(compute)
}

/// Expected slowest-of-N excess of a step whose parts have relative jitter σ: σ·√(2 ln N).
#[inline]
pub(crate) fn straggler(f: &Fitted, gpus: f64) -> f64 {
    if gpus <= 1.0 {
        0.0
    } else {
        f.jitter * (2.0 * gpus.ln()).sqrt()
    }
}

/// Latency of one NVLink hop of a ring that crosses nodes (s): NCCL's own latency model
/// (`src/graph/tuning.cc`, `hwLat`, NVLink, ring, Simple protocol: 3.4 µs; recalled, not checked
/// against a stored copy). Its network hop is 14 µs there; the model's scale-out step is fitted
/// (`ring_step_latency_s`). A ring inside the scale-up domain keeps the generation's 10 µs per
/// step, which the tensor-parallel collectives were calibrated with on the Megatron-LM table.
pub(crate) const NVLINK_RING_HOP_S: f64 = 3.4e-6;
