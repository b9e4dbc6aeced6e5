// Limits on what one request may ask for, checked before anything runs: depth, aliases and tokens here,
// the cost (list sizes multiplied through) in cost.ts. GraphQL Armor's bundle (@escape.tech/graphql-armor)
// does the first three, but its peer range names @apollo/server; its single-rule packages have no such
// peer, and the project uses one of them (block-field-suggestions, below). These three rules are small
// enough to own. Introspection and field-name suggestions are for callers whose role may `explore`.
import {
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { createGraphQLError, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { Principal } from '../access/principal.js';
import { can } from '../access/roles.js';
import { DEFAULT_MAX_COST } from './cost.js';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  /** Query cost (cost.ts): over it, refused with BAD_INPUT before anything runs. */
  maxCost: number;
}
export const DEFAULT_LIMITS: Limits = { maxDepth: 10, maxAliases: 15, maxTokens: 2000, maxCost: DEFAULT_MAX_COST };

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

function introspectionRefusal(code: 'UNAUTHENTICATED' | 'FORBIDDEN'): ValidationRule {
  const why = code === 'UNAUTHENTICATED' ? 'sign in as an analyst or admin first 请先登录' : 'only analysts and admins may read the schema';
  const rule: ValidationRule = (ctx) => ({
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        ctx.reportError(
          createGraphQLError(`Introspection ("${node.name.value}"): ${why}`, {
            nodes: [node],
            extensions: { code, http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } },
          }),
        );
      }
    },
  });
  // The name is yoga's validation cache key (see below): each refusal needs its own.
  return Object.defineProperty(rule, 'name', { value: `noIntrospection${code}` });
}

/**
 * No __schema / __type for callers whose role may not `explore` (everyone but analysts and admins), in
 * production and development alike: a map of the API helps nobody else, and the explorer ships its own
 * copy of the SDL. (graphql's NoSchemaIntrospectionCustomRule, rewritten for the reason above, with the
 * code saying whether signing in would help.) Two rules with their own names: yoga caches validation per
 * set of rule names, so a document refused for a viewer is not answered from that cache for an analyst.
 */
export const noIntrospectionUnauthenticated = introspectionRefusal('UNAUTHENTICATED');
export const noIntrospectionForbidden = introspectionRefusal('FORBIDDEN');

/** Whether the caller may read the schema (introspection, GraphiQL, "Did you mean …"). */
export const mayExplore = (principal: Principal | null | undefined): boolean => !!principal && can(principal.role, 'explore');

export function maxAliasesRule(max: number): ValidationRule {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const n = aliasCount(op.selectionSet, fragmentsOf(ctx));
      if (n > max) ctx.reportError(refuse(`Query has ${n} aliases; the limit is ${max}`));
      return false;
    },
  });
}

/**
 * The limits as a yoga plugin: a token cap at parse time, depth and alias rules, and for callers who may
 * not explore no introspection and no "Did you mean …" naming the fields that exist. Validation runs
 * before yoga builds the context, so `principalOf` finds the caller authenticated when the request came
 * in (server/http/rate-limit.ts).
 */
export function useLimits(limits: Limits, principalOf: (ctx: YogaInitialContext) => Principal | null): Plugin {
  // The armor plugin rewrites refusals' messages; it is asked only for callers without `explore`.
  const hideSuggestions = blockFieldSuggestionsPlugin({ mask: '' }) as Plugin;
  return {
    onParse({ parseFn, setParseFn }) {
      // graphql-js stops parsing past maxTokens, so a huge document costs little to refuse. yoga's own
      // parse function is wrapped so its syntax errors stay yoga's (not masked).
      setParseFn((source, options) => parseFn(source, { ...options, maxTokens: limits.maxTokens }));
    },
    onValidate(payload) {
      payload.addValidationRule(maxDepthRule(limits.maxDepth));
      payload.addValidationRule(maxAliasesRule(limits.maxAliases));
      const principal = principalOf(payload.context as YogaInitialContext);
      if (mayExplore(principal)) return;
      payload.addValidationRule(principal ? noIntrospectionForbidden : noIntrospectionUnauthenticated);
      return hideSuggestions.onValidate?.(payload as never);
    },
  };
}
