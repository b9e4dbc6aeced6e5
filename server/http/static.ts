// Serves the built explorer: files under webDir by path, index.html for client routes (paths without a
// file extension), never anything outside webDir. Hashed assets are cached for a year; index.html is not,
// so a new build is picked up on reload. Text goes out compressed (brotli, else gzip) when the browser
// takes it: the explorer's bundle is about 630 kB as built.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

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

type Encoding = 'br' | 'gzip';

/** The encoding to send: brotli where the browser takes it, else gzip, and only for text. */
function encodingFor(file: string, acceptEncoding: string | null): Encoding | null {
  if (!/^(text\/|application\/json|image\/svg)/.test(contentType(file))) return null;
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

// A built explorer does not change while the server runs, so each file is compressed once per
// encoding (keyed by its modification time, so a rebuild is picked up).
const compressed = new Map<string, Promise<Buffer>>();

function compressedBody(file: string, mtimeMs: number, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${mtimeMs}:${file}`;
  let body = compressed.get(key);
  if (!body) {
    body = readFile(file).then((raw) =>
      encoding === 'br'
        ? brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipAsync(raw, { level: 9 }),
    );
    compressed.set(key, body);
  }
  return body;
}

async function fileResponse(file: string, request: Request): Promise<Response | null> {
  try {
    const st = await stat(file);
    if (!st.isFile()) return null;
    const immutable = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(file) || file.includes(`${path.sep}assets${path.sep}`);
    const encoding = encodingFor(file, request.headers.get('accept-encoding'));
    const body = encoding ? await compressedBody(file, st.mtimeMs, encoding) : await readFile(file);
    const headers: Record<string, string> = {
      'content-type': contentType(file),
      'content-length': String(body.length),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    if (encoding) headers['content-encoding'] = encoding;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
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
    const found = await fileResponse(file, request);
    if (found) return found;
    // Client routes (/alerts/abc, /graph?...) have no extension: the explorer's index.html handles them.
    // A missing asset (with an extension) is a real 404, so a broken build shows up as one.
    if (path.extname(url.pathname) === '') return fileResponse(path.join(webDir, 'index.html'), request);
    return new Response('Not found', { status: 404 });
  };
}
