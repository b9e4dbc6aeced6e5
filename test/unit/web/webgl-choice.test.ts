import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, useWebgl, WEBGL_MIN_NODES, WEBGL_PREF_KEY, webglSetting } from '../../../web/src/graph/webgl.js';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const NVIDIA = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)';
const INTEL = 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)';

function memory(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

describe('WebGL renderer choice', () => {
  it('tells software rasterisers from GPUs by the unmasked renderer string', () => {
    expect([SWIFTSHADER, LLVMPIPE, 'Microsoft Basic Render Driver', 'Google SwiftShader'].map(isSoftwareRenderer)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([NVIDIA, INTEL, 'Apple M2'].map(isSoftwareRenderer)).toEqual([false, false, false]);
  });

  it('turns WebGL on by itself only for a large view on a hardware renderer', () => {
    const big = WEBGL_MIN_NODES;
    expect(useWebgl({ setting: 'auto', nodes: big, renderer: NVIDIA })).toBe(true);
    expect(useWebgl({ setting: 'auto', nodes: big - 1, renderer: NVIDIA })).toBe(false);
    // Here: SwiftShader only, so the canvas renderer stays, however large the view.
    expect(useWebgl({ setting: 'auto', nodes: 20 * big, renderer: SWIFTSHADER })).toBe(false);
    expect(useWebgl({ setting: 'auto', nodes: big, renderer: LLVMPIPE })).toBe(false);
    // No WebGL2, or a browser that withholds the renderer's name: off.
    expect(useWebgl({ setting: 'auto', nodes: big, renderer: null })).toBe(false);
    expect(useWebgl({ setting: 'auto', nodes: big, renderer: '' })).toBe(false);
  });

  it('follows a forced setting: on draws with WebGL at any size wherever WebGL2 exists, off never does', () => {
    expect(useWebgl({ setting: 'on', nodes: 0, renderer: SWIFTSHADER })).toBe(true);
    expect(useWebgl({ setting: 'on', nodes: 5, renderer: '' })).toBe(true);
    expect(useWebgl({ setting: 'on', nodes: 5000, renderer: null })).toBe(false);
    expect(useWebgl({ setting: 'off', nodes: 5000, renderer: NVIDIA })).toBe(false);
  });

  it('reads the setting from the address, keeps it as a preference, and forgets it on auto', () => {
    const store = memory();
    expect(webglSetting('', store)).toBe('auto');
    expect(webglSetting('?webgl=on&e=Person:1', store)).toBe('on');
    expect(store.m.get(WEBGL_PREF_KEY)).toBe('on');
    // A later address without the parameter (the explorer rewrites it as the view changes) keeps the choice.
    expect(webglSetting('?e=Person:1', store)).toBe('on');
    expect(webglSetting('?webgl=off', store)).toBe('off');
    expect(webglSetting('?webgl=auto', store)).toBe('auto');
    expect(store.m.has(WEBGL_PREF_KEY)).toBe(false);
    expect(webglSetting('?webgl=fast', memory({ [WEBGL_PREF_KEY]: 'bogus' }))).toBe('auto');
  });
});
