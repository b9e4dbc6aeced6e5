// Limits on what one request may ask for, checked before anything runs: depth, aliases and tokens.
// GraphQL Armor's bundle (@escape.tech/graphql-armor) does this, but its peer range names @apollo/server;
// its single-rule packages have no such peer, and the project uses one of them (block-field-suggestions,
// in app.ts). These three rules are small enough to own; moving them to those packages is open (#12). Cost is bounded differently: every list argument is clamped (neighbours 500, search
// 100, alerts 100) and Entity has no nested list fields, so depth x aliases x clamp bounds the work.
import {
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
}
export const DEFAULT_LIMITS: Limits = { maxDepth: 10, maxAliases: 15, maxTokens: 2000 };

// Errors are made by yoga's createGraphQLError, never `new GraphQLError` from our own import: under a
// bundler-style resolver (Vitest) our 'graphql' can be the ESM copy while yoga uses the CommonJS one,
// and yoga masks any error that is not an instance of its own GraphQLError class.
const refuse = (message: string) => createGraphQLError(message, { extensions: { code: 'BAD_INPUT' } });

type Fragments = Map<string, FragmentDefinitionNode>;

function fragmentsOf(ctx: ValidationContext): Fragments {
  const out: Fragments = new Map();
  for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out.set(d.name.value, d);
  return out;
}

/**
 * Depth of a selection set, following fragments. Introspection fields (`__schema`, `__type`) are not
 * counted: GraphiQL's own introspection query is deeper than any real one. `seen` stops fragment cycles
 * (another rule reports those).
 */
export function selectionDepth(set: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string> = new Set()): number {
  if (!set) return 0;
  let max = 0;
  for (const s of set.selections) {
    let d = 0;
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      d = s.selectionSet ? 1 + selectionDepth(s.selectionSet, fragments, seen) : 1;
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      d = selectionDepth(s.selectionSet, fragments, seen);
    } else {
      const f = fragments.get(s.name.value);
      if (!f || seen.has(f.name.value)) continue;
      d = selectionDepth(f.selectionSet, fragments, new Set([...seen, f.name.value]));
    }
    max = Math.max(max, d);
  }
  return max;
}

/** Aliases in a selection set, counting a fragment each time it is spread (that is the work done). */
export function aliasCount(set: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string> = new Set()): number {
  if (!set) return 0;
  let n = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) n += (s.alias ? 1 : 0) + aliasCount(s.selectionSet, fragments, seen);
    else if (s.kind === Kind.INLINE_FRAGMENT) n += aliasCount(s.selectionSet, fragments, seen);
    else {
      const f = fragments.get(s.name.value);
      if (f && !seen.has(f.name.value)) n += aliasCount(f.selectionSet, fragments, new Set([...seen, f.name.value]));
    }
  }
  return n;
}

export function maxDepthRule(max: number): ValidationRule {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const depth = selectionDepth(op.selectionSet, fragmentsOf(ctx));
      if (depth > max) ctx.reportError(refuse(`Query depth ${depth} exceeds the limit of ${max}`));
      return false;
    },
  });
}

/**
 * No __schema / __type in production: the explorer ships its own copy of the SDL, and a public map of the
 * API helps nobody else. (graphql's NoSchemaIntrospectionCustomRule, rewritten for the reason above.)
 */
export const noIntrospectionRule: ValidationRule = (ctx) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      ctx.reportError(
        createGraphQLError(`Introspection is disabled: "${node.name.value}" is not allowed`, {
          nodes: [node],
          extensions: { code: 'FORBIDDEN' },
        }),
      );
    }
  },
});

export function maxAliasesRule(max: number): ValidationRule {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const n = aliasCount(op.selectionSet, fragmentsOf(ctx));
      if (n > max) ctx.reportError(refuse(`Query has ${n} aliases; the limit is ${max}`));
      return false;
    },
  });
}

/** The limits as a yoga plugin: a token cap at parse time, depth and alias rules, no introspection in production. */
export function useLimits(limits: Limits, opts: { introspection: boolean }): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      // graphql-js stops parsing past maxTokens, so a huge document costs little to refuse. yoga's own
      // parse function is wrapped so its syntax errors stay yoga's (not masked).
      setParseFn((source, options) => parseFn(source, { ...options, maxTokens: limits.maxTokens }));
    },
    onValidate({ addValidationRule }) {
      addValidationRule(maxDepthRule(limits.maxDepth));
      addValidationRule(maxAliasesRule(limits.maxAliases));
      if (!opts.introspection) addValidationRule(noIntrospectionRule);
    },
  };
}
