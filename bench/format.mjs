// Compact text tables and ratios for the console.

export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** "3.20×" style ratio a/b. */
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
export const int = (n) => Math.round(n).toLocaleString('en-US');
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (seconds) => `${(seconds * 1000).toFixed(2)} ms`;
export const us = (ns) => `${(ns / 1000).toFixed(2)} µs`;
