// What is insecure in the configuration the server starts with, said plainly at every start, so that
// nobody runs real data on demo settings without being told; and where the pseudonymisation key lives,
// since losing it makes the people already loaded unfindable by ID number.
import type { Config } from '../platform/config.js';
import type { PseudonymKey } from '../platform/identifiers/key-file.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function insecureSettings(cfg: Config): string[] {
  const out: string[] = [];
  if (!LOOPBACK.has(cfg.host))
    out.push(
      `Listening on ${cfg.host}, beyond this machine, over plain HTTP: put it behind a TLS proxy on a trusted network, or set HOST=127.0.0.1.`,
    );
  if (!cfg.production) out.push('Development mode (NODE_ENV is not production): introspection and GraphiQL are on.');
  if (
    cfg.neo4j.kind === 'external' &&
    /^(bolt|neo4j):\/\//.test(cfg.neo4j.uri) &&
    !/^(bolt|neo4j):\/\/(127\.0\.0\.1|localhost)/.test(cfg.neo4j.uri)
  )
    out.push(`NEO4J_URI ${cfg.neo4j.uri} is not encrypted: use bolt+s:// or neo4j+s:// for a server on another machine.`);
  return out;
}

/** Where the key that turns ID numbers into tokens comes from: one line for the start-up log. */
export function pseudonymKeyNotice(key: PseudonymKey): string {
  if (key.source === 'env') return 'ID numbers are keyed tokens; the key is HUIYAN_PSEUDONYM_KEY. 身份证号以化名存储，密钥来自环境变量。';
  const keep = 'back it up with the database: without it an exact ID search and new loads no longer match the people loaded';
  return key.source === 'generated'
    ? `Generated a pseudonymisation key in ${key.file} (owner-only): ID numbers are stored as keyed tokens; ${keep}. 已生成化名密钥。`
    : `ID numbers are keyed tokens; the key is kept in ${key.file} (owner-only): ${keep}. 化名密钥保存于上述文件。`;
}
