// How the mini-program index.js is minified after esbuild (scripts/build-package.mjs), and how
// make bench minifies the official SDK's bundle to compare the two made the same way.
// A second compress pass and mangled top-level names take 0.8 KB more off the gzip than
// esbuild's minifier alone; top-level names are safe because WeChat runs each file in its own
// function scope.
export const TERSER_OPTIONS = { ecma: 2019, toplevel: true, compress: { passes: 2 } };
