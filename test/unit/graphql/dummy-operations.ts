// Minimal valid operations built from the served schema, so a test can reach every root field without a
// list kept by hand: a field added tomorrow is in the list the moment its SDL is. Required arguments are
// sent as variables holding dummies of the right types; the selection is `__typename` for any object.
// Types are read by shape (not graphql's instanceof helpers): the schema holds Node's copy of graphql.
import type { GraphQLField, GraphQLInputType, GraphQLSchema, TypeNode } from 'graphql';

type Shape = Record<string, unknown> & { toString(): string };
interface InputField {
  name: string;
  type: GraphQLInputType;
  defaultValue?: unknown;
}

const required = (f: InputField) => String(f.type).endsWith('!') && f.defaultValue === undefined;

/** A value of a GraphQL input type, filling required input fields only. */
export function dummyInput(type: GraphQLInputType): unknown {
  const t = type as unknown as Shape;
  if ('ofType' in t && String(t).endsWith('!')) return dummyInput(t.ofType as GraphQLInputType);
  if ('ofType' in t) return [dummyInput(t.ofType as GraphQLInputType)];
  if (typeof t.getValues === 'function') return (t.getValues as () => { name: string }[])()[0]!.name;
  if (typeof t.getFields === 'function') {
    const fields = Object.values((t.getFields as () => Record<string, InputField>)());
    return Object.fromEntries(fields.filter(required).map((f) => [f.name, dummyInput(f.type)]));
  }
  // String, ID and the JSON scalar all take a string.
  return { Int: 1, Float: 1.5, Boolean: true }[String(t)] ?? 'dummy';
}

/** A dummy for a variable as an operation declares it. */
export function dummyVariable(type: TypeNode, schema: GraphQLSchema): unknown {
  if (type.kind === 'NonNullType') return dummyVariable(type.type, schema);
  if (type.kind === 'ListType') return [dummyVariable(type.type, schema)];
  return dummyInput(schema.getType(type.name.value) as GraphQLInputType);
}

export interface RootOperation {
  kind: 'query' | 'mutation';
  field: string;
  document: string;
  variables: Record<string, unknown>;
}

function selection(field: GraphQLField<unknown, unknown>): string {
  let named: unknown = field.type;
  while (named && typeof named === 'object' && 'ofType' in named) named = (named as { ofType: unknown }).ofType;
  const composite = typeof named === 'object' && named !== null && ('getFields' in named || 'getTypes' in named);
  return composite ? ' { __typename }' : '';
}

/** One operation per root field of Query and Mutation, with its required arguments as variables. */
export function everyRootOperation(schema: GraphQLSchema): RootOperation[] {
  const out: RootOperation[] = [];
  for (const kind of ['query', 'mutation'] as const) {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    if (!root) continue;
    for (const f of Object.values(root.getFields())) {
      const args = f.args.filter(required);
      const defs = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
      const uses = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
      out.push({
        kind,
        field: f.name,
        document: `${kind} Every_${f.name}${defs} { ${f.name}${uses}${selection(f)} }`,
        variables: Object.fromEntries(args.map((a) => [a.name, dummyInput(a.type)])),
      });
    }
  }
  return out;
}
