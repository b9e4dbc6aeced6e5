// A tiny element builder. Text always goes in through textContent, never innerHTML: names and addresses
// come from department records and must not be able to inject markup.
type Attrs = Record<string, string | number | boolean | undefined | ((ev: Event) => void)>;
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces an element's children in one go (one reflow). */
export function fill(el: Element, ...children: (Child | Child[])[]): void {
  const frag = document.createDocumentFragment();
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    frag.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  el.replaceChildren(frag);
}
