// One id per HTTP request: the caller's `x-request-id` when it is a sane token (a proxy or a client that
// already numbers its requests), otherwise a new UUID. It goes back in the response header, on every log
// line written while the request is handled (platform/log.ts requestContext) and into the metadata of
// every Neo4j transaction the request runs (server/graphql/context.ts), so one id ties the three together.
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { requestContext } from '../../platform/log.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Letters, digits and `._:-`, at most 128: no spaces or control characters to forge log lines with. */
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(raw: string | null): string {
  return raw && SANE.test(raw) ? raw : randomUUID();
}

export function useRequestIds() {
  const ids = new WeakMap<Request, string>();
  const plugin: Plugin = {
    onRequest({ request }) {
      const id = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
      ids.set(request, id);
      // Everything yoga does for this request continues from here, so its log lines find the id.
      requestContext.enterWith({ requestId: id });
    },
    onResponse({ request, response }) {
      const id = ids.get(request);
      if (id) response.headers.set(REQUEST_ID_HEADER, id);
    },
  };
  return { plugin, requestIdOf: (request: Request): string | undefined => ids.get(request) };
}
