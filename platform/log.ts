// The server's logger (pino): one JSON object a line, so a log shipper reads fields instead of parsing text.
// Callers keep the console-like interface (any arguments), which graphql-yoga's logger expects as well;
// the adapter turns them into a message, an `err` and `data`. Every line written while a request is handled
// carries that request's id (server/http/request-id.ts puts it in `requestContext`).
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdSerializers, type DestinationStream } from 'pino';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** What every log line of the current request carries. */
export interface RequestLogContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestLogContext>();

export interface LoggerOptions {
  /** Where lines go; default stdout. Tests pass a stream to read them back. */
  destination?: DestinationStream;
  /** Lines a person reads (`10:02:03 INFO message {…}`) instead of JSON: for a terminal. */
  readable?: boolean;
}

export function createLogger(level: Level, opts: LoggerOptions = {}): Logger {
  // Synchronous writes to stdout: a line logged just before process.exit() is not lost.
  const out = opts.destination ?? pino.destination({ dest: 1, sync: true });
  const destination = opts.readable ? readableLines(out) : out;
  const base = pino(
    {
      level,
      base: { app: 'huiyan' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names, not pino's numbers: what people grep for.
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...requestContext.getStore() }),
      serializers: { err: stdSerializers.err },
    },
    destination,
  );
  const at =
    (l: Level) =>
    (...args: unknown[]) => {
      if (!base.isLevelEnabled(l)) return;
      const { msg, fields } = shape(args);
      base[l](fields, msg);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Console-style arguments as one message plus fields: text joined, the first Error as `err`, other values as `data`. */
export function shape(args: unknown[]): { msg: string; fields: Record<string, unknown> } {
  const text: string[] = [];
  const data: unknown[] = [];
  let err: Error | undefined;
  for (const a of args) {
    if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') text.push(String(a));
    else if (a instanceof Error && !err) err = a;
    else if (a !== undefined) data.push(a);
  }
  const fields: Record<string, unknown> = {};
  if (err) fields.err = err;
  if (data.length) fields.data = data.length === 1 ? data[0] : data;
  return { msg: text.join(' ') || err?.message || '', fields };
}

/** Rewrites pino's JSON lines for a person at a terminal: time, level, request id, message, remaining fields. */
function readableLines(out: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      try {
        const {
          time,
          level,
          msg,
          requestId,
          app: _app,
          pid: _pid,
          hostname: _host,
          err,
          ...rest
        } = JSON.parse(line) as Record<string, unknown>;
        const clock = typeof time === 'string' ? time.slice(11, 19) : '';
        const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
        const stack = err && typeof err === 'object' && 'stack' in err ? `\n${String((err as { stack: unknown }).stack)}` : '';
        out.write(
          `${clock} ${String(level).toUpperCase()}${requestId ? ` [${String(requestId)}]` : ''} ${String(msg ?? '')}${extra}${stack}\n`,
        );
      } catch {
        out.write(line);
      }
    },
  };
}
