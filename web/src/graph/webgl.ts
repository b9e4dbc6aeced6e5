// When the canvas draws through Cytoscape's WebGL renderer (`webgl: true`). Only for large views, and only on
// a hardware WebGL2: here, where the only WebGL2 is SwiftShader's software rasteriser, it drew 0.13–0.27× the
// canvas renderer's frames (docs/explorer.md "Scale"). The user can force it either way with `?webgl=on|off`
// in the address, kept as a preference in localStorage (`huiyan.webgl`; `?webgl=auto` forgets it).
// The decision is pure and unit-tested; `probeRenderer` and `webglSetting` read the browser.

export type WebglSetting = 'auto' | 'on' | 'off';

/** From this many nodes on the canvas, WebGL is worth it on a GPU (the canvas renderer slows past 1–2k elements). */
export const WEBGL_MIN_NODES = 1000;

export const WEBGL_PREF_KEY = 'huiyan.webgl';

/** Renderers that rasterise on the CPU: WebGL there is slower than Cytoscape's 2D canvas. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render|gdi generic|apple software/i;

export const isSoftwareRenderer = (renderer: string): boolean => SOFTWARE.test(renderer);

export interface WebglInput {
  setting: WebglSetting;
  nodes: number;
  /** The unmasked WebGL2 renderer string: null without WebGL2, '' when the browser does not say which. */
  renderer: string | null;
}

/** Whether to draw with WebGL. Forced on wins even on software (the user asked); auto needs a GPU and a large view. */
export function useWebgl({ setting, nodes, renderer }: WebglInput): boolean {
  if (setting === 'on') return renderer !== null;
  if (setting === 'off' || !renderer) return false;
  return !isSoftwareRenderer(renderer) && nodes >= WEBGL_MIN_NODES;
}

const isSetting = (v: string | null): v is WebglSetting => v === 'auto' || v === 'on' || v === 'off';

/** The setting from the address (which also updates the kept preference) or the kept preference; else auto. */
export function webglSetting(search: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined): WebglSetting {
  const asked = new URLSearchParams(search).get('webgl');
  try {
    if (isSetting(asked)) {
      if (asked === 'auto') storage?.removeItem(WEBGL_PREF_KEY);
      else storage?.setItem(WEBGL_PREF_KEY, asked);
      return asked;
    }
    const kept = storage?.getItem(WEBGL_PREF_KEY) ?? null;
    return isSetting(kept) ? kept : 'auto';
  } catch {
    // Storage refused (private mode): the address alone decides.
    return isSetting(asked) ? asked : 'auto';
  }
}

/**
 * The GPU behind WebGL2 as the driver names it (WEBGL_debug_renderer_info): null without WebGL2, '' when the
 * extension is withheld (the masked name says nothing about the GPU, so auto stays off).
 */
export function probeRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}
