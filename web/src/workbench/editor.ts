// The Cypher editor of the workbench and the console: Neo4j's CodeMirror 6 editor, completing the labels and
// relationship types the API names and the property names compiled from graph.yaml, and showing the
// server's validation problems as diagnostics on their lines.
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import propertyNames from 'virtual:huiyan/property-names';

export interface CypherField {
  el: HTMLElement;
  value(): string;
  set(text: string): void;
  onChange(listener: (text: string) => void): void;
  /** Problems on 1-based lines (null: the whole first line), shown in the gutter and underlined. */
  problems(list: { message: string; line: number | null }[]): void;
  names(labels: string[], relationshipTypes: string[]): void;
}

const PROPERTY_KEYS = [
  ...new Set([...Object.values(propertyNames.labels), ...Object.values(propertyNames.relationships)].flatMap((p) => Object.keys(p))),
].sort();

export function cypherField(testid: string, initial: string): CypherField {
  const el = document.createElement('div');
  el.className = 'wb-editor';
  el.setAttribute('data-testid', testid);
  // The 1.0.3 typings say createCypherEditor returns the editor's API; its code (es/codemirror.js) returns
  // `{ editor: api }`. Typed as it runs, so a later release that matches its typings fails here loudly.
  const created = createCypherEditor(el, {
    value: initial,
    autofocus: false,
    lineNumbers: true,
    lineWrapping: true,
    theme: 'light',
    schema: { propertyKeys: PROPERTY_KEYS },
  }) as unknown as { editor?: EditorApi };
  if (!created.editor) throw new Error('@neo4j-cypher/codemirror returned no editor');
  const editor: EditorApi = created.editor;
  return {
    el,
    value: () => editor.codemirror.state.doc.toString(),
    set: (text) => editor.setValue(text),
    onChange: (listener) => void editor.onValueChanged((v: string) => listener(v)),
    problems: (list) => {
      const doc = editor.codemirror.state.doc;
      const diagnostics: Diagnostic[] = list.map((p) => {
        const line = doc.line(Math.min(Math.max(p.line ?? 1, 1), doc.lines));
        return {
          from: line.from,
          to: Math.max(line.to, line.from + 1 > doc.length ? line.from : line.from + 1),
          severity: 'error',
          message: p.message,
        };
      });
      // One @codemirror/state at run time; its ESM and CJS typings differ only to the compiler.
      editor.codemirror.dispatch(setDiagnostics(editor.codemirror.state as never, diagnostics) as never);
    },
    names: (labels, relationshipTypes) =>
      editor.setSchema({
        labels: labels.map((l) => `:${l}`),
        relationshipTypes: relationshipTypes.map((r) => `:${r}`),
        propertyKeys: PROPERTY_KEYS,
      }),
  };
}
