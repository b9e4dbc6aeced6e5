// Layouts. fcose is the default (fast, handles constraints). Expansion is incremental: what the user has
// already arranged stays where it is, and only the new nodes are laid out, starting from a ring around
// the node they came from, so the picture changes locally instead of reshuffling.
import type { Collection, Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import { layoutOffMainThread, WORKER_FROM_NODES } from './layout-offload.js';

/** Defaults for a whole-canvas layout (first view of an alert, or a fresh canvas). */
export const FCOSE_FULL = {
  name: 'fcose',
  quality: 'proof',
  randomize: true,
  animate: false,
  fit: true,
  padding: 40,
  nodeDimensionsIncludeLabels: true,
  packComponents: false,
  idealEdgeLength: () => 90,
  nodeRepulsion: () => 6500,
} as const;

/**
 * Ring positions for `count` new nodes around `center`. Pure; a second ring starts when the first is full
 * so thirty neighbours do not sit on top of each other before the layout refines them.
 */
export function ringPositions(center: Position, count: number, radius = 110, perRing = 12): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const ring = Math.floor(i / perRing);
    const inRing = Math.min(perRing, count - ring * perRing);
    const angle = (2 * Math.PI * (i % perRing)) / inRing + ring * 0.4;
    const r = radius * (1 + ring * 0.8);
    out.push({ x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) });
  }
  return out;
}

/** Where a new node starts: next to the average of its neighbours already placed, else `fallback`. */
export function anchorFor(placed: Position[], fallback: Position): Position {
  if (placed.length === 0) return fallback;
  const sum = placed.reduce((a, p) => ({ x: a.x + p.x, y: a.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / placed.length, y: sum.y / placed.length };
}

/**
 * Lays out `added` nodes among what is already on the canvas. Existing nodes they touch are pinned with
 * fcose's fixedNodeConstraint and nothing else moves. With nothing placed yet, the whole canvas is laid out.
 */
export function layoutAdded(cy: Core, added: Collection, around?: NodeSingular): Promise<void> {
  const newNodes = added.nodes();
  if (newNodes.length === 0) return Promise.resolve();
  const old = cy.nodes().difference(newNodes);
  if (old.length === 0) {
    const onMain = () => run(cy.elements().layout({ ...FCOSE_FULL, randomize: newNodes.length > 1 } as LayoutOptions));
    // A large view in a worker, so the page does not freeze while fcose works (layout-offload.ts).
    if (newNodes.length < WORKER_FROM_NODES || typeof Worker === 'undefined') return onMain();
    const { quality, idealEdgeLength, nodeRepulsion } = FCOSE_FULL;
    return layoutOffMainThread(cy, cy.elements(), {
      name: 'fcose',
      quality,
      randomize: true,
      idealEdgeLength: idealEdgeLength(),
      nodeRepulsion: nodeRepulsion(),
    }).then(() => undefined, onMain);
  }

  // Seed positions: around the expanded node, or near each new node's placed neighbours. A new piece with
  // no neighbour on the canvas (another alert's evidence) goes beside what is there, not on top of it.
  const bb = old.boundingBox();
  const fallback = { x: bb.x2 + 220, y: (bb.y1 + bb.y2) / 2 };
  const groups = new Map<string, NodeSingular[]>();
  const anchors = new Map<string, Position>();
  newNodes.forEach((n) => {
    const placed = around ? around : n.neighborhood().nodes().difference(newNodes).nodes();
    const anchor = anchorFor(
      placed.map((p) => ({ ...p.position() })),
      fallback,
    );
    const key = `${Math.round(anchor.x)},${Math.round(anchor.y)}`;
    anchors.set(key, anchor);
    groups.set(key, [...(groups.get(key) ?? []), n]);
  });
  for (const [key, nodes] of groups) {
    const anchor = anchors.get(key)!;
    // A second "expand more" page goes on a ring outside the neighbours already shown, not on top of them.
    const shown = around
      ? around
          .neighborhood()
          .nodes()
          .difference(newNodes)
          .nodes()
          .map((n) => ({ ...n.position() }))
      : [];
    const ring = ringPositions(anchor, nodes.length, Math.max(110, outerRadius(anchor, shown) + 70));
    nodes.forEach((n, i) => n.position(ring[i]!));
  }

  const touched = newNodes.neighborhood().nodes().difference(newNodes).nodes();
  // The existing nodes next to those are pinned too: they are not moved, but fcose sees them and keeps
  // the new nodes from landing on top of them.
  const pinned = touched.union(touched.neighborhood().nodes().difference(newNodes)).nodes();
  const scopeNodes = newNodes.union(pinned);
  // Only edges inside the scope: fcose needs both ends of every edge it is given.
  const scope = scopeNodes.union(scopeNodes.edgesWith(scopeNodes));
  const fixed = pinned.map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
  return run(
    scope.layout({
      ...FCOSE_FULL,
      randomize: false,
      fit: false,
      animate: true,
      animationDuration: 350,
      initialEnergyOnIncremental: 0.3,
      fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
    } as unknown as LayoutOptions),
  );
}

/**
 * Zoom and pan that show a bounding box with a margin, but never zoomed in past 1.2: a handful of
 * evidence nodes blown up to fill the screen reads worse than the same nodes at their normal size.
 */
export function fitView(
  bb: { x1: number; y1: number; w: number; h: number },
  width: number,
  height: number,
  padding = 60,
  maxZoom = 1.2,
): { zoom: number; pan: { x: number; y: number } } {
  const zoom = Math.max(0.15, Math.min(maxZoom, (width - 2 * padding) / Math.max(bb.w, 1), (height - 2 * padding) / Math.max(bb.h, 1)));
  return { zoom, pan: { x: width / 2 - zoom * (bb.x1 + bb.w / 2), y: height / 2 - zoom * (bb.y1 + bb.h / 2) } };
}

/** How far the farthest of `nodes` is from `center` (0 for none). */
export function outerRadius(center: Position, positions: Position[]): number {
  return positions.reduce((m, p) => Math.max(m, Math.hypot(p.x - center.x, p.y - center.y)), 0);
}

function run(layout: ReturnType<Core['layout']>): Promise<void> {
  return new Promise((resolve) => {
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}
