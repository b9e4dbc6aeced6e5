import { describe, expect, it } from 'vitest';
import { instanceName, routesToCluster } from '../../../platform/db/bookmark-relay.js';

describe('routesToCluster', () => {
  it('is true for the routing schemes a cluster is reached by', () => {
    for (const uri of ['neo4j://db.example:7687', 'neo4j+s://db.example', 'neo4j+ssc://db.example', 'NEO4J://X'])
      expect(routesToCluster(uri)).toBe(true);
  });
  it('is false for a direct connection to one server', () => {
    for (const uri of ['bolt://127.0.0.1:7687', 'bolt+s://db.example', 'neo4jx://db', 'http://db:7474'])
      expect(routesToCluster(uri)).toBe(false);
  });
});

describe('instanceName', () => {
  it('differs between two servers of one process role', () => {
    expect(instanceName('server')).toMatch(/^server@.+:\d+:[0-9a-f]{6}$/);
    expect(instanceName('server')).not.toBe(instanceName('server'));
  });
});
