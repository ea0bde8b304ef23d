//! The catalog: every known action, one definition each, grouped by what it is about.

mod account;
mod as_device;
mod binding;
mod call_only;
mod devices;
mod family;
mod firmware;
mod gateways;
mod history;
mod location;
mod messages;
mod resources;
mod sharing;
mod smart;
mod timers;
mod video;

use super::definition::Action;

pub const CATALOG: &[&[Action]] = &[
    account::ACTIONS,
    family::ACTIONS,
    devices::ACTIONS,
    as_device::ACTIONS,
    binding::ACTIONS,
    gateways::ACTIONS,
    sharing::ACTIONS,
    timers::ACTIONS,
    history::ACTIONS,
    firmware::ACTIONS,
    smart::ACTIONS,
    messages::ACTIONS,
    video::ACTIONS,
    location::ACTIONS,
    resources::ACTIONS,
    call_only::ACTIONS,
];
