// Groups on the canvas: a compound node around a household, a company's officers or a bid ring
// (groups.ts says who belongs), folded and unfolded with cytoscape-expand-collapse. While folded, the
// members leave the canvas (the extension keeps them) and its meta edges join the group to the rest.
import type { Core, NodeSingular } from 'cytoscape';
import expandCollapse, { type ExpandCollapseApi, type ExpandCollapseCore } from 'cytoscape-expand-collapse';
import cytoscape from 'cytoscape';
import type { NodeData } from './elements.js';
import { groupId, groupMembers, type GroupRule } from './groups.js';
import type { Command } from './history.js';
import { byIds, dataEdges } from './bundles-cy.js';

cytoscape.use(expandCollapse);

export interface GroupData {
  id: string;
  group: GroupRule['kind'];
  anchor: string;
  caption: string;
}

export interface Groups {
  /** The command that makes (and folds) the group anchored at this node, or null when it has no members. */
  make(anchorId: string, caption: (kind: GroupRule['kind'], anchor: string) => string): Command | null;
  /** Fold or unfold a group. */
  toggle(id: string): Command | null;
  isCollapsed(id: string): boolean;
  /** Members kept by the extension while their group is folded: still "on the canvas" for expansions. */
  hiddenIds(): string[];
}

export function createGroups(cy: Core, after: () => void): Groups {
  const api: ExpandCollapseApi = (cy as ExpandCollapseCore).expandCollapse({
    layoutBy: null,
    fisheye: false,
    animate: false,
    undoable: false,
    cueEnabled: false,
  });
  const isCollapsed = (id: string) => {
    const n = cy.getElementById(id);
    return n.nonempty() && api.isExpandable(n as NodeSingular);
  };
  const fold = (id: string, folded: boolean) => {
    const n = cy.getElementById(id) as NodeSingular;
    if (n.empty()) return;
    if (folded && api.isCollapsible(n)) api.collapse(n);
    if (!folded && api.isExpandable(n)) api.expand(n);
    after();
  };
  return {
    make(anchorId, caption) {
      const anchor = cy.getElementById(anchorId) as NodeSingular;
      if (anchor.empty() || anchor.isParent()) return null;
      const taken = new Set(
        cy
          .nodes()
          .filter((n) => n.isChild())
          .map((n) => n.id()),
      );
      const edges = dataEdges(cy).map((e) => ({ source: e.source().id(), target: e.target().id(), type: String(e.data('type')) }));
      const found = groupMembers({ id: anchorId, label: String(anchor.data('label')) }, edges, taken);
      if (!found) return null;
      const id = groupId(anchorId);
      const name = caption(found.kind, (anchor.data() as NodeData).entity.caption);
      return {
        label: name,
        run() {
          const data: GroupData = { id, group: found.kind, anchor: anchorId, caption: name };
          cy.add({ group: 'nodes', data, classes: 'group' });
          byIds(cy, found.members).nodes().move({ parent: id });
          fold(id, true);
        },
        undo() {
          fold(id, false);
          cy.getElementById(id).children().move({ parent: null });
          cy.getElementById(id).remove();
          after();
        },
      };
    },
    toggle(id) {
      if (cy.getElementById(id).empty()) return null;
      const wasFolded = isCollapsed(id);
      return {
        label: String(cy.getElementById(id).data('caption')),
        run: () => fold(id, !wasFolded),
        undo: () => fold(id, wasFolded),
      };
    },
    isCollapsed,
    hiddenIds: () => api.getAllCollapsedChildrenRecursively().map((e) => e.id()),
  };
}
