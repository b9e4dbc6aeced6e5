// The inbox filter (state → API filter, dates in the browser's time zone) and the controller's paging: a filter change starts again from the first page
// and a page that arrives after a newer filter is dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../web/src/api/queries.js';
import { reasonStore } from '../../../web/src/api/session.js';
import type { AlertListItem, AlertPage, InboxFilter } from '../../../web/src/api/types.js';
import { createController } from '../../../web/src/controller.js';
import type { GraphView } from '../../../web/src/graph/cy.js';
import { dateBounds, filterFrom as filterWith, hasFilter } from '../../../web/src/inbox.js';
import { createStore, initialState, NO_FILTER, type InboxFilterValues } from '../../../web/src/state.js';
import { openStates } from '../../../web/src/workflow.js';
import { servedWorkflow } from './served.js';

// The open states are the served workflow's (server/alerts/workflow/machine.ts), not a copy in the explorer.
const workflow = await servedWorkflow();
const OPEN_STATES = openStates(workflow);
const filterFrom = (v: InboxFilterValues) => filterWith(v, workflow);

const values = (p: Partial<InboxFilterValues>): InboxFilterValues => ({ ...NO_FILTER, ...p });

// Dates are read in the browser's time zone; pin one with an offset so a UTC reading would show.
const tz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('inbox filter', () => {
  it('turns the selects into an API filter', () => {
    expect(filterFrom(values({ state: 'open', severity: 'HIGH', model: 'm', mine: true }))).toEqual({
      state: null,
      states: OPEN_STATES,
      severity: 'HIGH',
      modelId: 'm',
      assignedToMe: true,
      subject: null,
      firstSeenFrom: null,
      firstSeenTo: null,
    });
    expect(filterFrom(values({ state: 'confirmed' }))).toMatchObject({
      state: 'confirmed',
      states: null,
      severity: null,
      modelId: null,
      assignedToMe: null,
    });
  });

  it('sends the subject as its uid', () => {
    expect(filterFrom(values({ subject: { id: 'Person:330102197003120013', caption: '马涛' } })).subject).toBe('Person:330102197003120013');
  });

  it('reads both days inclusively, in the browser time zone', () => {
    // Beijing is UTC+8: the 1st of May starts at 16:00 UTC on the 30th of April, and "to the 31st of May"
    // means before the 1st of June starts there.
    expect(dateBounds('2024-05-01', '2024-05-31')).toEqual({
      firstSeenFrom: '2024-04-30T16:00:00.000Z',
      firstSeenTo: '2024-05-31T16:00:00.000Z',
    });
    // Across a month and a year end.
    expect(dateBounds('', '2024-12-31')).toEqual({ firstSeenFrom: null, firstSeenTo: '2024-12-31T16:00:00.000Z' });
    expect(dateBounds('2024-03-01', '')).toEqual({ firstSeenFrom: '2024-02-29T16:00:00.000Z', firstSeenTo: null });
    expect(filterFrom(values({ from: '2024-05-01', to: '2024-05-01' }))).toMatchObject({
      firstSeenFrom: '2024-04-30T16:00:00.000Z',
      firstSeenTo: '2024-05-01T16:00:00.000Z',
    });
  });

  it('drops what is not a whole date rather than sending it', () => {
    expect(dateBounds('2024-5-1', 'yesterday')).toEqual({ firstSeenFrom: null, firstSeenTo: null });
  });

  it('knows when anything narrows the inbox', () => {
    expect(hasFilter(values({}))).toBe(false);
    expect(hasFilter(values({ from: '2024-01-01' }))).toBe(true);
    expect(hasFilter(values({ subject: { id: 'Org:1', caption: '单位' } }))).toBe(true);
    expect(hasFilter(values({ mine: true }))).toBe(true);
    expect(hasFilter(values({ state: 'open' }))).toBe(true);
  });

  it('is what the inbox query sends, with the cursor for the next page', async () => {
    const sent: Record<string, unknown>[] = [];
    const api = createApi(async (_url, init) => {
      sent.push(JSON.parse(String(init.body)) as Record<string, unknown>);
      return Response.json({
        data: {
          alerts: { totalCount: 3, edges: [{ cursor: 'c1', node: { id: 'a1' } }], pageInfo: { hasNextPage: true, endCursor: 'c1' } },
        },
      });
    });
    const filter = filterFrom(values({ subject: { id: 'Company:1', caption: 'X' }, to: '2024-05-31' }));
    const page = await api.alerts('zh', 50, filter, 'c0');
    expect(page).toMatchObject({ totalCount: 3, hasNextPage: true, endCursor: 'c1', items: [{ id: 'a1', cursor: 'c1' }] });
    expect(sent[0]).toMatchObject({
      operationName: 'ExplorerAlerts',
      variables: { first: 50, after: 'c0', filter: { subject: 'Company:1', firstSeenTo: '2024-05-31T16:00:00.000Z', firstSeenFrom: null } },
    });
  });
});

describe('inbox paging in the controller', () => {
  /** An API whose alert pages the test hands out one by one, in any order. */
  function pagedApi() {
    const calls: { filter: InboxFilter; after: string | null; resolve: (p: AlertPage) => void }[] = [];
    const api = {
      alerts: (_lang: string, _first?: number, filter: InboxFilter = {}, after: string | null = null) =>
        new Promise<AlertPage>((resolve) => calls.push({ filter, after, resolve })),
    } as unknown as Api;
    return { api, calls };
  }
  const row = (id: string): AlertListItem => ({
    id,
    cursor: `cur-${id}`,
    modelId: 'm',
    modelTitle: 'M',
    severity: 'HIGH',
    state: 'new',
    assignee: null,
    summary: '',
    amount: null,
    lastSeen: '',
  });
  const page = (ids: string[], totalCount: number): AlertPage => ({ items: ids.map(row), totalCount, endCursor: null, hasNextPage: false });
  const settle = () => new Promise((r) => setTimeout(r, 0));

  function setup() {
    const { api, calls } = pagedApi();
    const store = createStore(initialState('zh'));
    const controller = createController(store, api, {} as GraphView, {} as never, {
      reasons: reasonStore(undefined),
      signOut: async () => {},
    });
    store.onIntent(controller.handle);
    return { store, calls };
  }

  it('starts again from the first page when a filter changes', async () => {
    const { store, calls } = setup();
    store.dispatch({ type: 'inboxFilter', patch: {} });
    calls[0]!.resolve(page(['a1', 'a2'], 4));
    await settle();
    store.dispatch({ type: 'loadMore' });
    expect(calls[1]).toMatchObject({ after: 'cur-a2' });
    calls[1]!.resolve(page(['a3', 'a4'], 4));
    await settle();
    expect(store.get().alerts?.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4']);

    store.dispatch({ type: 'inboxFilter', patch: { subject: { id: 'Person:1', caption: '马涛' } } });
    // The old rows are gone at once, and the request has no cursor.
    expect(store.get().alerts).toBeNull();
    expect(calls[2]).toMatchObject({ after: null, filter: { subject: 'Person:1' } });
    calls[2]!.resolve(page(['a3'], 1));
    await settle();
    expect(store.get()).toMatchObject({ alertsTotal: 1, inbox: { subject: { id: 'Person:1' } } });
    expect(store.get().alerts?.map((a) => a.id)).toEqual(['a3']);
  });

  it('drops a page that arrives after a newer filter', async () => {
    const { store, calls } = setup();
    store.dispatch({ type: 'inboxFilter', patch: { from: '2000-01-01', to: '2000-12-31' } });
    store.dispatch({ type: 'inboxFilter', patch: { from: '', to: '' } });
    // The wider filter answers first; the narrow one's late answer must not replace it.
    calls[1]!.resolve(page(['a1', 'a2'], 2));
    await settle();
    calls[0]!.resolve(page([], 0));
    await settle();
    expect(store.get().alerts?.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(store.get()).toMatchObject({ alertsTotal: 2, alertsLoading: false });
  });

  it('drops a "load more" page of the previous filter', async () => {
    const { store, calls } = setup();
    store.dispatch({ type: 'inboxFilter', patch: {} });
    calls[0]!.resolve(page(['a1'], 3));
    await settle();
    store.dispatch({ type: 'loadMore' });
    store.dispatch({ type: 'inboxFilter', patch: { severity: 'LOW' } });
    calls[2]!.resolve(page(['b1'], 1));
    await settle();
    calls[1]!.resolve(page(['a2', 'a3'], 3));
    await settle();
    expect(store.get().alerts?.map((a) => a.id)).toEqual(['b1']);
    expect(store.get().alertsTotal).toBe(1);
  });
});
