//! The release wasm's panic handler. Nothing in the core panics on purpose (clippy denies
//! unwrap, expect, indexing and panics), but std's allocation and slice code can: such a panic
//! traps the instance, as std's handler would with `panic = "abort"`, without formatting a
//! message nobody reads (std's formatting machinery is kilobytes of wasm).

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
