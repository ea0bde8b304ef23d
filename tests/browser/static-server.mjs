// Serves files from a few directories on 127.0.0.1 (a free port) with the right content types.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** mounts: { '/pkg/': '/abs/dir', '/': '/abs/other' } (longest prefix wins). */
export async function serveStatic(mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url || '/').split('?')[0]);
    const prefix = prefixes.find((p) => path.startsWith(p));
    const rel = normalize(path.slice(prefix ? prefix.length : 0) || 'index.html');
    if (!prefix || rel.startsWith('..')) return res.writeHead(404).end();
    try {
      const file = join(mounts[prefix], rel.endsWith('/') ? `${rel}index.html` : rel);
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}
