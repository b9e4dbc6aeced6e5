// A source mapping after validation: what the YAML in loaders/mappings/ says, with defaults filled in and
// every name checked against graph.yaml. The row transformer and the writer only ever see this shape.
import type { Value } from '../normalise/index.js';

export type SourceFormat = 'csv' | 'xlsx' | 'jsonl';

/** Between the values of a composite key (`key: [project, bidder]` → "P-01 | 91330…"). */
export const KEY_SEPARATOR = ' | ';

/** Where `split: true` cuts a cell: the list marks departments write between values, and line breaks. */
export const DEFAULT_SPLIT = '、，,；;\r\n';

export type NormSpec =
  { type: string; opts: Record<string, unknown> } | { type: 'switch'; on: string; cases: Record<string, NormSpec>; default?: NormSpec };

export interface ColumnSpec {
  id: string;
  /** Header aliases, compared after NFKC and whitespace removal; the first is the canonical one. */
  headers: string[];
  /** Instead of headers: the raw cells of these columns joined by a space (an address given in parts). */
  join?: string[];
  normalise: NormSpec;
  required: boolean;
  /** A cell holding several values: the characters between them; the row is read once per value (split.ts). */
  split?: string;
  /** An empty cell takes the value above it in the file (fill-down.ts). */
  fillDown?: boolean;
}

/** A test on already-normalised values: equals one value, is in a list, or is (not) empty. */
export interface Condition {
  column: string;
  equals?: Value;
  in?: Value[];
  present?: boolean;
}

export type PropSource = { column: string; when?: Condition } | { value: Value; when?: Condition };

export interface NodeSpec {
  /** Name the relationships use for this node. */
  ref: string;
  label: string;
  /** Column holding the key (the first one of a composite key); the label's key property comes from graph.yaml. */
  key: string;
  /** Every key column: one for a plain key; several for a composite key, their values joined by KEY_SEPARATOR. */
  keys: string[];
  /**
   * For a node whose label the key's shape chooses (`label: { byShape }`): the shapes this spec takes. The
   * mapping's ref then stands for one spec per label, named `<ref>.<Label>`, and `ref` is that name.
   */
  shapes?: string[];
  keyProp: string;
  props: Record<string, PropSource>;
  /** set: the row's values overwrite (authoritative source); fill: only blanks are filled (a mention). */
  mode: 'set' | 'fill';
  /** Not created by this source: rows naming an unknown key are rejected. */
  mustExist: boolean;
  /**
   * Found by this property instead of by key: the key column holds e.g. a unit's name, and the row refers
   * to the one node of the label with that value (none, or several: the row is rejected). Implies mustExist.
   */
  lookup?: string;
  /** With lookup: not found leaves the node and its relationships out of the row, noted, instead of rejecting it. */
  optional?: boolean;
  when?: Condition;
}

export interface RelSpec {
  type: string;
  from: string;
  to: string;
  props: Record<string, PropSource>;
  /** Properties in the MERGE pattern, beyond (start, type, end): one relationship per distinct value. */
  identity: string[];
  /** Also write end → start with the same properties (symmetric relations such as spouse). */
  bothWays: boolean;
  when?: Condition;
  /** A relationship that holds over time, stored as spells (docs/loaders.md "Spells"). */
  spell?: SpellSpec;
}

/**
 * Where a spell's dates come from: a spell export's start and end columns (an empty end: still running), or
 * one month per row, coalesced with the pair's other months and spells.
 */
export type SpellSpec = { from: string; to?: string } | { month: string };

export interface Mapping {
  id: string;
  title: { zh: string; en: string };
  /** Load order: sources that create nodes come before those that only link them. */
  order: number;
  match: { files: string[]; headers: string[] };
  format: { type: SourceFormat; encoding?: string; sheet?: string; delimiter?: string; expand?: string };
  /** Derivations to run after loading (e.g. householdKin). */
  derive: string[];
  columns: Record<string, ColumnSpec>;
  nodes: NodeSpec[];
  relationships: RelSpec[];
  /** sha256 of the YAML text; part of the LoadRun id so an edited mapping counts as a new run. */
  digest: string;
  file?: string;
}
