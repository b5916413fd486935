import { describe, expect, it } from 'vitest';
import { rendererDirFor } from './paths';

/** A file system holding only the renderer at `renderer` (its index.html). */
const rendererAt = (renderer: string) => (file: string): boolean => file === `${renderer}/index.html`;

describe('rendererDirFor', () => {
  it('finds out/renderer beside the bundle however Electron was started', () => {
    const repoRenderer = '/home/u/wengao/out/renderer';
    // `electron .` and electron-vite preview: the app path is the repository.
    expect(rendererDirFor('/home/u/wengao/out/main', '/home/u/wengao', rendererAt(repoRenderer))).toBe(repoRenderer);
    // `electron out/main/index.js` (Playwright's _electron): Electron takes out/main as the app path.
    expect(rendererDirFor('/home/u/wengao/out/main', '/home/u/wengao/out/main', rendererAt(repoRenderer))).toBe(repoRenderer);
    // The packaged app: everything inside app.asar.
    const asar = '/opt/文稿台/resources/app.asar';
    expect(rendererDirFor(`${asar}/out/main`, asar, rendererAt(`${asar}/out/renderer`))).toBe(`${asar}/out/renderer`);
  });

  it('falls back to out/renderer under the app path when the bundle was moved away from it', () => {
    expect(rendererDirFor('/tmp/bundle', '/home/u/wengao', rendererAt('/home/u/wengao/out/renderer')))
      .toBe('/home/u/wengao/out/renderer');
  });

  it('names the folder beside the bundle when there is no build at all (the server then says to build)', () => {
    expect(rendererDirFor('/home/u/wengao/out/main', '/home/u/wengao/out/main', () => false)).toBe('/home/u/wengao/out/renderer');
  });
});
