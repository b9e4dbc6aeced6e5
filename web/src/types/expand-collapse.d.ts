// The part of cytoscape-expand-collapse the canvas uses (the package ships no types). The extension adds
// `cy.expandCollapse(options)`; graph/groups-cy.ts reaches it through `ExpandCollapseCore`.
declare module 'cytoscape-expand-collapse' {
  import type { Collection, Core, Ext, NodeCollection, NodeSingular } from 'cytoscape';
  const expandCollapse: Ext;
  export default expandCollapse;

  export interface ExpandCollapseOptions {
    layoutBy?: unknown;
    fisheye?: boolean;
    animate?: boolean;
    undoable?: boolean;
    cueEnabled?: boolean;
    groupEdgesOfSameTypeOnCollapse?: boolean;
    zIndex?: number;
  }
  export interface ExpandCollapseApi {
    collapse(nodes: NodeCollection | NodeSingular, options?: ExpandCollapseOptions): NodeCollection;
    expand(nodes: NodeCollection | NodeSingular, options?: ExpandCollapseOptions): NodeCollection;
    isExpandable(node: NodeSingular): boolean;
    isCollapsible(node: NodeSingular): boolean;
    getCollapsedChildrenRecursively(node: NodeSingular): Collection;
    getAllCollapsedChildrenRecursively(): Collection;
  }
  export type ExpandCollapseCore = Core & { expandCollapse(options: ExpandCollapseOptions): ExpandCollapseApi };
}
