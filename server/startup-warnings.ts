// What is insecure in the configuration the server starts with, said plainly at every start, so that
// nobody runs real data on demo settings without being told.
import type { Config } from '../platform/config.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function insecureSettings(cfg: Config): string[] {
  const out = [
    // Until sign-in exists (issue #12) this holds for every configuration.
    'No sign-in yet: anyone who reaches the port reads every person, alert and ID number, and the role is a header the caller chooses. 尚无登录：能访问此端口者即可读取全部数据。',
  ];
  if (!LOOPBACK.has(cfg.host))
    out.push(
      `Listening on ${cfg.host}, beyond this machine, over plain HTTP: put it behind a TLS proxy on a trusted network, or set HOST=127.0.0.1.`,
    );
  if (!cfg.pseudonymKey)
    out.push(
      'HUIYAN_PSEUDONYM_KEY is not set: ID numbers are stored and shown in entity ids as they are. 未设置化名密钥：身份证号以原文存储。',
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
