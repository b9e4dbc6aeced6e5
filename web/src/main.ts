// Wiring only: build the store, the canvas, the panels and the controller, then load the vocabulary.
import propertyNames from 'virtual:huiyan/property-names';
import { createApi } from './api/queries.js';
import { createController } from './controller.js';
import { createGraphView } from './graph/cy.js';
import { loadLang } from './i18n.js';
import { mountCanvasOverlay } from './panels/canvasbar.js';
import { mountDetails } from './panels/details.js';
import { mountSidebar } from './panels/sidebar.js';
import { mountTopbar } from './panels/topbar.js';
import { createStore, initialState } from './state.js';
import './style.css';

const byId = (id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el;
};

const store = createStore(initialState(loadLang(window.localStorage)));
const view = createGraphView(byId('cy'), {
  select: (selection) => store.set({ selection }),
  expand: (id) => store.dispatch({ type: 'expand', id }),
  change: (counts) => store.set({ counts, onCanvas: new Set(view.nodeIds()) }),
});
const controller = createController(store, createApi(), view, propertyNames);
store.onIntent(controller.handle);

mountTopbar(byId('topbar'), store);
mountSidebar(byId('sidebar'), store);
mountCanvasOverlay(byId('canvas-overlay'), store);
mountDetails(byId('details'), store);
new ResizeObserver(() => view.resize()).observe(byId('cy'));

void controller.start();
