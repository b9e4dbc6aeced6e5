// Wiring only: ask for the session; without one, the sign-in page; with one, build the store, the canvas,
// the panels and the controller, then load. Leaving (sign-out, or a session the server no longer knows)
// reloads the page, so nothing read while signed in stays in memory or on screen.
import propertyNames from 'virtual:huiyan/property-names';
import { createAdminApi } from './api/admin-queries.js';
import { createPolicyApi } from './api/policy-queries.js';
import { createWorkbenchApi } from './api/workbench-queries.js';
import { createAuth, type SignedIn } from './api/auth.js';
import { createApi } from './api/queries.js';
import { createStatsApi } from './api/stats-queries.js';
import { createEvidenceApi } from './api/evidence-queries.js';
import { createPreAwardApi } from './api/preaward-queries.js';
import { Gate, reasonStore } from './api/session.js';
import { mountAdmin } from './admin/pages.js';
import { mountStatsPages } from './stats/mount.js';
import { mountPreAwardPage } from './preaward/mount.js';
import { preAwardOnCanvas } from './preaward/on-canvas.js';
import { createController } from './controller.js';
import { mountEvidence } from './evidence-mount.js';
import { createCanvasController, isCanvasIntent } from './canvas-controller.js';
import { mountContextMenu } from './panels/context-menu.js';
import { loadLang, translate } from './i18n.js';
import { fetchStartup, startupLine, watchStartup, type StartupState } from './startup.js';
import { mountAccount } from './panels/account.js';
import { mountCanvasOverlay } from './panels/canvasbar.js';
import { mountDetails } from './panels/details.js';
import { mountPasswordDialog, mountReasonDialog } from './panels/dialogs.js';
import { mountSidebar } from './panels/sidebar.js';
import { mountSignIn } from './panels/signin.js';
import { mountTopbar } from './panels/topbar.js';
import { triageFor } from './panels/triage.js';
import { noteForNextPage, takeNotice, type Notice } from './session-flow.js';
import { deepLink } from './view/url-sync.js';
import { createStore, initialState } from './state.js';
import './style.css';

const byId = (id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el;
};

const auth = createAuth();
const reasons = reasonStore(window.sessionStorage);

/** Back to the sign-in page with a clean page: the 查询事由 goes with the session. */
function leave(notice: Notice): void {
  reasons.clear();
  noteForNextPage(window.sessionStorage, notice);
  window.location.replace(window.location.pathname);
}

// Cytoscape and fcose (the largest part of the bundle) load after sign-in: the sign-in page does not need them.
async function startExplorer(session: SignedIn): Promise<void> {
  const { createGraphView } = await import('./graph/cy.js');
  byId('signin').hidden = true;
  const store = createStore(initialState(loadLang(window.localStorage)));
  let askReason: () => Promise<string | null> = () => Promise.resolve(null);
  const gate = new Gate(reasons, { askReason: () => askReason(), ended: () => leave('ended') });
  gate.csrf = session.csrf;
  const api = createApi(gate);
  const view = createGraphView(byId('cy'), {
    select: (selection) => store.set({ selection }),
    expand: (id) => store.dispatch({ type: 'expand', id }),
    change: (counts) =>
      store.set({ counts, onCanvas: new Set(view.nodeIds()), canvas: { ...store.get().canvas, types: view.edgeTypes() } }),
    menu: (menu) => store.set({ canvas: { ...store.get().canvas, menu } }),
    history: (history) => store.set({ canvas: { ...store.get().canvas, history } }),
    hidden: (hiddenNodes) => store.set({ canvas: { ...store.get().canvas, hiddenNodes } }),
    openBundle: (id) => store.dispatch({ type: 'canvasTool', tool: 'toggleBundle', id }),
  });
  const controller = createController(store, api, view, propertyNames, {
    reasons,
    signOut: async () => {
      await auth.logout();
      leave('signedOut');
    },
  });
  askReason = controller.askReason;
  const canvas = createCanvasController({ store, api, view, step: controller.step, toast: controller.toast });
  store.onIntent((i) => (isCanvasIntent(i) ? canvas.handle(i) : controller.handle(i)));
  store.onIntent(preAwardOnCanvas({ store, view, step: controller.step }));
  triageFor(store, api);
  const evidence = mountEvidence(store, api, gate, view, byId('canvas-overlay'));

  mountAccount(mountTopbar(byId('topbar'), store), store);
  mountSidebar(byId('sidebar'), store);
  mountCanvasOverlay(byId('canvas-overlay'), store);
  mountContextMenu(byId('canvas-overlay'), store);
  mountDetails(byId('details'), store);
  mountAdmin(byId('admin'), store, createAdminApi(gate), createPolicyApi(gate), createWorkbenchApi(gate));
  mountStatsPages(byId('admin'), store, createStatsApi(gate));
  mountPreAwardPage(byId('admin'), store, createPreAwardApi(gate), createEvidenceApi(gate));
  mountReasonDialog(byId('dialogs'), store);
  mountPasswordDialog(byId('dialogs'), store, auth, (csrf) => (gate.csrf = csrf));
  new ResizeObserver(() => view.resize()).observe(byId('cy'));
  store.subscribe((s) => {
    byId('layout').hidden = s.page !== 'explore';
    byId('admin').hidden = s.page === 'explore';
  });
  byId('topbar').hidden = false;

  void controller.start().then(evidence.openFromUrl);

  // The server's first minute: what it is doing, then the inbox read again once its models have run.
  const banner = byId('startup');
  let startup: StartupState | null = null;
  const showStartup = () => {
    const line = startup ? startupLine(startup, (k, p) => translate(store.get().lang, k, p)) : null;
    banner.hidden = line === null;
    banner.textContent = line ?? '';
  };
  store.subscribe(showStartup);
  watchStartup(
    () => fetchStartup(),
    (s) => {
      startup = s;
      showStartup();
    },
    () => store.dispatch({ type: 'inboxFilter', patch: {} }),
  );
}

async function boot(): Promise<void> {
  const notice = takeNotice(window.sessionStorage);
  const session = await auth.session().catch(() => null);
  if (session) return startExplorer(session);
  // A new sign-in starts a new working session: no reason carried over from someone else's.
  reasons.clear();
  // ?entity= / ?alert= / ?view= from another system: opened after sign-in, even one that leaves the page.
  deepLink.keep(window.sessionStorage, window.location.search);
  const page = byId('signin');
  page.hidden = false;
  mountSignIn(page, auth, notice, startExplorer);
}

void boot();
