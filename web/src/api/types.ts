// Shapes of the GraphQL results the explorer asks for (server/graphql/*/schema.graphql). Kept by hand:
// the explorer selects a small, fixed set of fields, all named in queries.ts.

export interface Provenance {
  source: string | null;
  file: string | null;
  row: number | null;
  run: string | null;
  sources: string[] | null;
}

export interface Entity {
  id: string;
  label: string;
  labels: string[];
  caption: string;
  properties: Record<string, unknown>;
  provenance: Provenance | null;
  degree: number;
}

export interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  provenance: Provenance | null;
}

export interface Graph {
  nodes: Entity[];
  edges: Edge[];
}

export interface Neighbourhood extends Graph {
  center: Entity;
  total: number;
  truncated: boolean;
}

export interface LabelInfo {
  name: string;
  zh: string;
  en: string;
  color: string;
  shape: string;
  caption: string;
}

export interface RelTypeInfo {
  name: string;
  zh: string;
  en: string;
}

export interface GraphSchemaInfo {
  labels: LabelInfo[];
  relationshipTypes: RelTypeInfo[];
}

export interface SearchHit {
  entity: Entity;
  score: number;
}

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface AlertListItem {
  id: string;
  modelId: string;
  modelTitle: string;
  severity: Severity;
  state: string;
  summary: string;
  amount: number | null;
  lastSeen: string;
}

export interface AlertSubject {
  role: string;
  entity: Entity;
}

export interface AlertDetail extends AlertListItem {
  modelRevision: number;
  firstSeen: string;
  subjects: AlertSubject[];
  evidence: Graph;
}

export interface ModelTitle {
  id: string;
  titleZh: string;
  titleEn: string;
}
