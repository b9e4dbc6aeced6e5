// Switches the one Cytoscape instance to the WebGL renderer when graph/webgl.ts says so. Cytoscape takes
// `webgl` when its renderer is created, so the switch re-mounts the renderer on the same container: the
// elements, positions, handlers and selection stay (they live in the core), the stylesheet is put back
// (mount restores the one given at creation). Once on, it stays on until the page is left: Cytoscape 3.34
// switches it on by changing its canvas renderer's prototype (a fourth layer), which it never undoes.
import type { Core } from 'cytoscape';
import { probeRenderer, useWebgl, webglSetting, type WebglSetting } from './webgl.js';

export interface RendererSwitch {
  /** Called with the node count after every change of the canvas. */
  update(nodes: number): void;
  readonly webgl: boolean;
  readonly setting: WebglSetting;
  /** The WebGL2 renderer string as probed (null: no WebGL2). */
  readonly gpu: string | null;
}

interface CoreOptions {
  _private: { options: { renderer: Record<string, unknown> } };
}

export function rendererSwitch(cy: Core, container: HTMLElement): RendererSwitch {
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined;
  }
  const setting = webglSetting(window.location.search, storage);
  // Probing costs a WebGL context: not done when the user turned WebGL off.
  const gpu = setting === 'off' ? null : probeRenderer();
  let on = false;
  // On the container for whoever needs to know what draws (the browser test, a support call): 'canvas' or 'webgl'.
  container.dataset.renderer = 'canvas';
  container.dataset.gpu = gpu ?? '';
  const sw: RendererSwitch = {
    update(nodes) {
      if (on || !useWebgl({ setting, nodes, renderer: gpu })) return;
      on = true;
      const style = (cy.style() as unknown as { json(): unknown }).json();
      const opts = (cy as unknown as CoreOptions)._private.options;
      opts.renderer = { ...opts.renderer, name: 'canvas', webgl: true };
      cy.mount(container);
      cy.style(style as Parameters<Core['style']>[0]);
      container.dataset.renderer = 'webgl';
    },
    get webgl() {
      return on;
    },
    setting,
    gpu,
  };
  return sw;
}
