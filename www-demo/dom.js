// What both parts of the demo page use of the DOM: an element by id, and text made safe for HTML.
export const $ = (id) => document.getElementById(id);
export const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
