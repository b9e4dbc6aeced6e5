// When edge labels are drawn. Thirty labels at a glance read as noise; zoomed in, or with few edges, they
// help. Below the threshold an edge shows its label only while it is selected, hovered (or its node is),
// highlighted as evidence or on a path. Pure.

/** Zoom at and above which every edge label is drawn. */
export const EDGE_LABEL_ZOOM = 0.9;
/** With this many edges or fewer on the canvas, labels are drawn at any zoom. */
export const FEW_EDGES = 12;

export function edgeLabelsShown(zoom: number, edgeCount: number): boolean {
  return edgeCount <= FEW_EDGES || zoom >= EDGE_LABEL_ZOOM;
}

/** The tooltip of a node: its whole caption (the canvas shows a shortened one) and what it is. */
export function nodeTooltip(caption: string, labelName: string): string {
  return caption ? `${caption} · ${labelName}` : labelName;
}
