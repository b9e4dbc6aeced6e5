// The explorer's view as a query string, so a link opens what the user was looking at and another system
// can point at one entity or alert. Pure: encode and decode only; view/url-sync.ts reads and writes the
// address. Keys are short and stable, since links outlive releases:
//   e=<uid> (repeated)  entities on the canvas        alert=<id>   the open alert
//   entity=<uid>        one entity, from another system (opened, then folded into e)
//   asOf=YYYY-MM-DD     the as-of date                 view=<id>    a saved view (short link)
//   report=alert|record with rid=<id>: the printable report open over the explorer
//   state, severity, model, mine=1, from, to, subject, subjectCaption: the inbox filter
import { NO_FILTER, type InboxFilterValues, type ReportRef } from '../state.js';

export interface UrlState {
  entities: string[];
  alert: string | null;
  /** A single entity asked for from outside (?entity=); after opening it is part of `entities`. */
  entity: string | null;
  asOf: string | null;
  view: string | null;
  report: ReportRef | null;
  inbox: InboxFilterValues;
}

export const EMPTY_URL_STATE: Readonly<UrlState> = {
  entities: [],
  alert: null,
  entity: null,
  asOf: null,
  view: null,
  report: null,
  inbox: NO_FILTER,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longer values are not ids the server made: dropped rather than sent. */
const MAX_ID = 300;
/** More entities than a canvas can show readably; a longer list in a link is cut, not refused. */
export const MAX_URL_ENTITIES = 300;

const id = (v: string | null): string | null => (v && v.length <= MAX_ID ? v : null);
const day = (v: string | null): string | null => (v && DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : null);

export function decodeUrlState(search: string): UrlState {
  const q = new URLSearchParams(search.replace(/^\?/, ''));
  const entities = [...new Set(q.getAll('e').filter((v) => id(v) !== null))].slice(0, MAX_URL_ENTITIES);
  const rid = id(q.get('rid'));
  const kind = q.get('report');
  const subject = id(q.get('subject'));
  return {
    entities,
    alert: id(q.get('alert')),
    entity: id(q.get('entity')),
    asOf: day(q.get('asOf')),
    view: id(q.get('view')),
    report: rid && (kind === 'alert' || kind === 'record') ? { kind, id: rid } : null,
    inbox: {
      state: q.get('state') ?? '',
      severity: q.get('severity') ?? '',
      model: q.get('model') ?? '',
      mine: q.get('mine') === '1',
      subject: subject ? { id: subject, caption: q.get('subjectCaption') ?? subject } : null,
      from: day(q.get('from')) ?? '',
      to: day(q.get('to')) ?? '',
    },
  };
}

/** The query string (without '?'), keys in a fixed order and empty values left out, so equal views give equal links. */
export function encodeUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  const put = (k: string, v: string | null | undefined) => {
    if (v) q.append(k, v);
  };
  put('view', s.view);
  put('alert', s.alert);
  put('entity', s.entity);
  for (const e of s.entities.slice(0, MAX_URL_ENTITIES)) q.append('e', e);
  put('asOf', s.asOf);
  put('state', s.inbox.state);
  put('severity', s.inbox.severity);
  put('model', s.inbox.model);
  if (s.inbox.mine) q.append('mine', '1');
  put('from', s.inbox.from);
  put('to', s.inbox.to);
  put('subject', s.inbox.subject?.id);
  if (s.inbox.subject && s.inbox.subject.caption !== s.inbox.subject.id) put('subjectCaption', s.inbox.subject.caption);
  if (s.report) {
    q.append('report', s.report.kind);
    q.append('rid', s.report.id);
  }
  return q.toString();
}

/** Whether the inbox filter differs from none (so a link need not carry it). */
export const filtersSet = (f: InboxFilterValues): boolean =>
  f.state !== '' || f.severity !== '' || f.model !== '' || f.mine || f.subject !== null || f.from !== '' || f.to !== '';
