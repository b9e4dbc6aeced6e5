// Wiring of the evidence feature (links, time, exports, reports) into the signed-in explorer, kept out of
// main.ts so the page's wiring stays a list: the controller beside controller.ts, the bar and the timeline
// over the canvas, the report view over the page, and opening what the address names once the rest is loaded.
import { createEvidenceApi } from './api/evidence-queries.js';
import type { Runner } from './api/client.js';
import type { Api } from './api/queries.js';
import { h } from './dom.js';
import { createEvidence } from './evidence.js';
import type { GraphView } from './graph/cy.js';
import { mountEvidenceBar } from './panels/evidence-bar.js';
import { mountTimeline } from './panels/timeline.js';
import { mountReportPage } from './reports/report-page.js';
import type { Store } from './state.js';
import { deepLink } from './view/url-sync.js';

export function mountEvidence(store: Store, api: Api, transport: { run: Runner }, view: GraphView, overlay: HTMLElement) {
  const ev = createEvidenceApi(transport);
  const evidence = createEvidence(store, ev, view);
  store.onIntent(evidence.handle);
  // One dock under the canvas (the canvas is shortened to make room: print.css), so neither the buttons
  // nor the timeline ever lie over a node someone wants to click.
  const dock = h('div', { class: 'ev-dock', 'data-testid': 'evidence-dock' });
  overlay.append(dock);
  mountEvidenceBar(dock, store);
  mountTimeline(dock, store);
  const reportRoot = h('div', { id: 'report', hidden: true });
  document.body.append(reportRoot);
  mountReportPage(reportRoot, store, {
    alert: (id) => {
      const open = store.get().alert;
      return open?.id === id ? Promise.resolve(open) : api.alert(id, store.get().lang);
    },
    record: (id) => ev.integrityRecord(id, store.get().lang),
    graphPng: () => (view.nodeIds().length > 0 ? view.png() : null),
  });
  return {
    /** After the first load: open what the address (or the one kept over sign-in) names. */
    openFromUrl: () => evidence.openFromUrl(deepLink.take(window.sessionStorage, window.location.search)),
  };
}
