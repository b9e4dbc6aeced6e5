// Which nodes on the canvas form a group that can be folded into one compound node: a household and its
// members, a company and its officers, a project and its bid ring (the bids and the companies that
// submitted them). The rules are data: a label, and the relationship steps walked from it. Pure.

export interface GroupStep {
  type: string;
  /** `in`: edges pointing at the node reached so far; `out`: edges leaving it. */
  dir: 'in' | 'out';
}

export interface GroupRule {
  /** The anchor's label; the group is named after the anchor. */
  label: string;
  kind: 'household' | 'officers' | 'bidRing';
  /** Alternative walks from the anchor; each is a sequence of steps, every node on the way joins. */
  walks: GroupStep[][];
}

export const GROUP_RULES: readonly GroupRule[] = [
  { label: 'Household', kind: 'household', walks: [[{ type: 'MEMBER_OF', dir: 'in' }]] },
  {
    label: 'Company',
    kind: 'officers',
    walks: [[{ type: 'LEGAL_REP_OF', dir: 'in' }], [{ type: 'EXECUTIVE_OF', dir: 'in' }], [{ type: 'SHAREHOLDER_OF', dir: 'in' }]],
  },
  {
    label: 'Project',
    kind: 'bidRing',
    walks: [
      [
        { type: 'FOR', dir: 'in' },
        { type: 'SUBMITTED', dir: 'in' },
      ],
    ],
  },
];

export interface GroupEdge {
  source: string;
  target: string;
  type: string;
}

export function groupRule(label: string): GroupRule | undefined {
  return GROUP_RULES.find((r) => r.label === label);
}

/**
 * The members of the group anchored at `anchor` (anchor first), walking the rule over the edges on the
 * canvas. `taken` holds nodes already in another group: a node sits in one compound at most. Fewer than two
 * members is no group (null).
 */
export function groupMembers(
  anchor: { id: string; label: string },
  edges: readonly GroupEdge[],
  taken: ReadonlySet<string> = new Set(),
): { kind: GroupRule['kind']; members: string[] } | null {
  const rule = groupRule(anchor.label);
  if (!rule) return null;
  const members = new Set<string>([anchor.id]);
  for (const walk of rule.walks) {
    let frontier = new Set([anchor.id]);
    for (const step of walk) {
      const next = new Set<string>();
      for (const e of edges) {
        if (e.type !== step.type) continue;
        const [here, there] = step.dir === 'in' ? [e.target, e.source] : [e.source, e.target];
        if (frontier.has(here) && !taken.has(there) && there !== anchor.id) next.add(there);
      }
      for (const n of next) members.add(n);
      frontier = next;
    }
  }
  return members.size >= 2 ? { kind: rule.kind, members: [...members] } : null;
}

export function groupId(anchorId: string): string {
  return `group:${anchorId}`;
}
