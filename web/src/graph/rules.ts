// Styling by property, as data: officials by post level, companies by registration status, payments and
// awards by amount. Each rule names where it applies, the property and the test, and gives a class that
// style.ts draws. Pure, so what a rule matches is unit-tested without a canvas.

export interface PropertyRule {
  /** A node label or a relationship type; `*` for any. */
  on: string;
  kind: 'node' | 'edge';
  prop: string;
  test: { oneOf: readonly string[] } | { contains: readonly string[] } | { min: number };
  className: string;
}

export const PROPERTY_RULES: readonly PropertyRule[] = [
  // 县处级 and up on the payroll of a post: the officials a supervisor looks at first.
  { kind: 'edge', on: 'HOLDS_POST', prop: 'level', test: { contains: ['处', '厅', '部'] }, className: 'rule-senior' },
  { kind: 'edge', on: 'HOLDS_POST', prop: 'isLeader', test: { oneOf: ['true'] }, className: 'rule-leader' },
  // A deregistered or revoked company that still wins or gets paid is itself a finding.
  { kind: 'node', on: 'Company', prop: 'status', test: { contains: ['注销', '吊销', '撤销', '停业'] }, className: 'rule-inactive' },
  { kind: 'edge', on: '*', prop: 'amount', test: { min: 1_000_000 }, className: 'rule-amount-l' },
  { kind: 'edge', on: '*', prop: 'amount', test: { min: 100_000 }, className: 'rule-amount-m' },
];

function passes(test: PropertyRule['test'], v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if ('min' in test) return typeof v === 'number' && v >= test.min;
  const s = String(v);
  if ('oneOf' in test) return test.oneOf.includes(s);
  return test.contains.some((c) => s.includes(c));
}

/**
 * The rule classes for one node (by label) or edge (by type) with these properties. Of the amount rules
 * only the largest that matches applies (they are listed largest first).
 */
export function ruleClasses(
  kind: PropertyRule['kind'],
  owner: string,
  props: Record<string, unknown>,
  rules: readonly PropertyRule[] = PROPERTY_RULES,
): string[] {
  const out: string[] = [];
  const props_ = new Set<string>();
  for (const r of rules) {
    if (r.kind !== kind || (r.on !== '*' && r.on !== owner)) continue;
    if (r.prop === 'amount' && props_.has('amount')) continue;
    if (passes(r.test, props[r.prop])) {
      out.push(r.className);
      props_.add(r.prop);
    }
  }
  return out;
}
