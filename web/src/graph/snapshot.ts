// What leaves the canvas (the evidence feature: exports, timeline, as-of filter), as functions over the one
// Cytoscape instance that cy.ts hands in: the canvas in the API's shapes, a PNG of it, and hiding or dimming
// elements as of a date.
import type { Core } from 'cytoscape';
import type { Graph } from '../api/types.js';
import { dataEdges } from './bundles-cy.js';
import type { EdgeData, NodeData } from './elements.js';

/** The class the as-of filter hides with; a style bypass, so the stylesheet (style.ts) need not know it. */
const HIDDEN = 'asof-hidden';

/** Entities and relationships only: a bundle edge or a group node stands for data, it is not data. */
function dataNodes(cy: Core) {
  return cy.nodes().filter((n) => (n.data() as Partial<NodeData>).entity !== undefined);
}

export function canvasGraph(cy: Core): Graph {
  return {
    nodes: dataNodes(cy).map((n) => (n.data() as NodeData).entity),
    edges: dataEdges(cy).map((e) => (e.data() as EdgeData).edge),
  };
}

/** The whole graph (not just the viewport) at twice the screen's resolution, on white for printing. */
export function canvasPng(cy: Core): string {
  return cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'base64uri' });
}

/** A node the as-of date leaves without a shown relationship: drawn faint (view/as-of.ts says why not hidden). */
const DIMMED = 'asof-dimmed';
const DIM_OPACITY = 0.3;

/** `hidden` and `dimmed` hold the API's ids: a node's uid, an edge's id (its element id is namespaced: elements.ts edgeElementId). */
export function setAsOf(cy: Core, hidden: ReadonlySet<string>, dimmed: ReadonlySet<string>): void {
  cy.batch(() => {
    dataNodes(cy)
      .union(dataEdges(cy))
      .forEach((el) => {
        const id = el.group() === 'edges' ? (el.data() as EdgeData).edge.id : (el.data() as NodeData).id;
        const hide = hidden.has(id);
        if (hide !== el.hasClass(HIDDEN)) {
          if (hide) el.addClass(HIDDEN).style('display', 'none');
          else el.removeClass(HIDDEN).removeStyle('display');
        }
        const dim = dimmed.has(id);
        if (dim !== el.hasClass(DIMMED)) {
          if (dim) el.addClass(DIMMED).style('opacity', DIM_OPACITY);
          else el.removeClass(DIMMED).removeStyle('opacity');
        }
      });
  });
}
