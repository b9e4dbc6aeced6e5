// A leveled console logger for the server and for graphql-yoga (which logs every request at debug).
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export function createLogger(level: Level, prefix = '[huiyan]'): Logger {
  const on = (l: Level) => ORDER[l] >= ORDER[level];
  return {
    debug: (...a) => on('debug') && console.debug(prefix, ...a),
    info: (...a) => on('info') && console.log(prefix, ...a),
    warn: (...a) => on('warn') && console.warn(prefix, ...a),
    error: (...a) => on('error') && console.error(prefix, ...a),
  };
}
