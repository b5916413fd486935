/** Where the shell finds the files it was built with, however Electron was started. */
import { join } from 'node:path';

/**
 * The folder of the built renderer (its index.html), which the embedded server serves. The build puts
 * the shell's bundle in out/main and the renderer in out/renderer, so it is found from the bundle's
 * own folder (`bundleDir`, import.meta.dirname of out/main/index.js), which is right however the app
 * starts: `electron .` and electron-vite preview (<repo>/out/main), `electron out/main/index.js` as
 * Playwright's `_electron` does (<repo>/out/main too, while Electron then takes out/main itself as the
 * app path), and the packaged app (<resources>/app.asar/out/main). `app.getAppPath()` (`appPath`) +
 * out/renderer is only a fallback: it is wrong in the second case, which made the window a 404.
 * Returns the first candidate holding index.html (`exists` checks a file), else the bundle's.
 */
export function rendererDirFor(bundleDir: string, appPath: string, exists: (file: string) => boolean): string {
  const besideBundle = join(bundleDir, '..', 'renderer');
  const candidates = [besideBundle, join(appPath, 'out', 'renderer')];
  return candidates.find((dir) => exists(join(dir, 'index.html'))) ?? besideBundle;
}
