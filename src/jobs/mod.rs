//! Background work: the newsroom webhook (signature, payload, the claims in a draft), the job queue's workers and
//! the callbacks that carry results back. Jobs live in the store, so they survive a restart.

pub mod claims;
pub mod deliver;
pub mod signature;
pub mod webhook;
pub mod worker;

pub use worker::Queue;
