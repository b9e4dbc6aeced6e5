// Types for modules that ship none.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

// Property names compiled from cypher/schema/graph.yaml by vite.config.ts.
declare module 'virtual:huiyan/property-names' {
  const names: {
    labels: Record<string, Record<string, { zh: string; en: string }>>;
    relationships: Record<string, Record<string, { zh: string; en: string }>>;
  };
  export default names;
}
