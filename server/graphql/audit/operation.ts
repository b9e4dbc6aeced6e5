// How a GraphQL request is named in the audit trail: its type, its operation name (as the client chose it)
// and the root fields it selected, e.g. `query EntityPanel {entity, neighbours}`. Root fields are what
// says what was asked for; the operation name alone is the caller's word.
import { getOperationAST, Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';

function rootFields(doc: DocumentNode, set: SelectionSetNode, seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...rootFields(doc, s.selectionSet, seen));
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const frag = doc.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
      if (frag?.kind === Kind.FRAGMENT_DEFINITION) out.push(...rootFields(doc, frag.selectionSet, seen));
    }
  }
  return out;
}

/** `query Name {a, b}`; what can be said of a request whose text does not parse. */
export function describeOperation(query: string | undefined, operationName: string | null | undefined): string {
  if (!query) return 'graphql (no query)';
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true });
  } catch {
    return 'graphql (unparsable query)';
  }
  const op = getOperationAST(doc, operationName ?? undefined);
  if (!op) return `graphql (no operation${operationName ? ` ${operationName}` : ''})`;
  const fields = [...new Set(rootFields(doc, op.selectionSet))];
  return `${op.operation}${op.name ? ` ${op.name.value}` : ''} {${fields.join(', ')}}`;
}
