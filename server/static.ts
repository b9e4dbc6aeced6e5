// Serves the built explorer: files under webDir by path, index.html for client routes (paths without a
// file extension), never anything outside webDir. Hashed assets are cached for a year; index.html is not,
// so a new build is picked up on reload.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const contentType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file a URL path names inside root, or null when it would leave root. Decoding happens once, here,
 * so `%2e%2e/` and `..%5c` are caught like `../`.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = path.resolve(root);
  const file = path.resolve(rootAbs, `.${path.posix.normalize(`/${decoded.replace(/\\/g, '/')}`)}`);
  return file === rootAbs || file.startsWith(rootAbs + path.sep) ? file : null;
}

async function fileResponse(file: string, method: string): Promise<Response | null> {
  try {
    const st = await stat(file);
    if (!st.isFile()) return null;
    const immutable = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(file) || file.includes(`${path.sep}assets${path.sep}`);
    const headers = {
      'content-type': contentType(file),
      'content-length': String(st.size),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    return new Response(method === 'HEAD' ? null : await readFile(file), { status: 200, headers });
  } catch {
    return null;
  }
}

/** A handler for GET/HEAD requests outside the API; null means "not mine", so the caller can 404. */
export function staticHandler(webDir: string) {
  return async (request: Request, url: URL): Promise<Response | null> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const file = resolveInside(webDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (file === null) return new Response('Not found', { status: 404 });
    const found = await fileResponse(file, request.method);
    if (found) return found;
    // Client routes (/alerts/abc, /graph?...) have no extension: the explorer's index.html handles them.
    // A missing asset (with an extension) is a real 404, so a broken build shows up as one.
    if (path.extname(url.pathname) === '') return fileResponse(path.join(webDir, 'index.html'), request.method);
    return new Response('Not found', { status: 404 });
  };
}
