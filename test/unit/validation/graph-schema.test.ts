// graph.yaml refuses what it does not know, like the mappings and model headers: a typo in a property
// definition used to be ignored (and `sensitive: ture` silently meant "not sensitive").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_FILE, InvalidSchema, parseGraphSchema } from '../../../platform/schema/graph-schema.js';

const shipped = readFileSync(DEFAULT_SCHEMA_FILE, 'utf8');
const refusal = (text: string) => {
  try {
    parseGraphSchema(text);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidSchema);
    return (e as Error).message;
  }
  throw new Error('graph.yaml was accepted');
};

describe('graph.yaml validation', () => {
  it('refuses an unknown top-level key, naming it', () => {
    expect(refusal(shipped.replace('version: 1', 'version: 1\ncolour: red'))).toMatch(
      /^graph\.yaml: unknown key "colour" \(allowed: version, labels/,
    );
  });
  it('refuses an unknown nested key with the path to it', () => {
    const text = shipped.replace('idNo: { type: string, sensitive: true', 'idNo: { type: string, sensitiv: true');
    expect(refusal(text)).toMatch(/graph\.yaml: labels\.Person\.properties\.idNo: unknown key "sensitiv"/);
  });
  it('names the path of a value of the wrong kind', () => {
    expect(refusal(shipped.replace('idNo: { type: string, sensitive: true', 'idNo: { type: text, sensitive: true'))).toMatch(
      /graph\.yaml: labels\.Person\.properties\.idNo\.type: .*"string"/,
    );
  });
  it('keeps the cross-checks a schema cannot express', () => {
    expect(refusal(shipped.replace('caption: name', 'caption: nom'))).toMatch(/labels\.Person: caption "nom" is not among its properties/);
    expect(refusal(shipped.replace('from: [Person]', 'from: [Citizen]'))).toMatch(
      /relationships\.HOLDS_POST\.from: unknown label "Citizen"/,
    );
  });
  it('refuses a property both sensitive and unique: a pseudonymised value finds nothing', () => {
    expect(() =>
      parseGraphSchema(
        shipped.replace('licenceNo: { type: string, unique: true,', 'licenceNo: { type: string, unique: true, sensitive: true,'),
      ),
    ).toThrow(/a sensitive property is pseudonymised/);
  });
  it('fills the defaults a hand-written file leaves out', () => {
    const g = parseGraphSchema(shipped);
    expect(g.labels.Person!.properties.name).toEqual({ type: 'string', zh: '姓名', en: 'Name', sensitive: false, unique: false });
    expect(g.labels.Person!.properties.idNo!.sensitive).toBe(true);
    expect(g.labels.Person!.properties.licenceNo!.unique).toBe(true);
    expect(g.labels.Person!.name).toBe('Person');
  });
});
