//! Insertion sort, shared with the signing crate (short lists: parameter keys, device ids).

pub use iot_explorer_signing::insertion_sort_by;
