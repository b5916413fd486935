/**
 * 打印 and the desktop's PDF: the paged 预览's pages copied into `#print-root`, the only thing the
 * print style sheet (print.css) shows, then the browser's print (web mode), or the Electron shell's
 * webContents.print / printToPDF through `window.desk` (desktop). The copy is removed afterwards.
 */
import { desk } from '../../platform/desk';

function withPrintLayout<T>(pages: readonly HTMLElement[], run: () => Promise<T>): Promise<T> {
  document.getElementById('print-root')?.remove();
  const root = document.createElement('div');
  root.id = 'print-root';
  for (const page of pages) root.append(page.cloneNode(true));
  document.body.append(root);
  document.documentElement.classList.add('printing');
  const done = () => {
    root.remove();
    document.documentElement.classList.remove('printing');
  };
  return run().finally(done);
}

/** Prints the pages: the system's print dialog. */
export function printPages(pages: readonly HTMLElement[]): Promise<void> {
  const bridge = desk();
  return withPrintLayout(pages, async () => {
    if (bridge) await bridge.printPages();
    else window.print();
  });
}

/** The pages as a PDF made by the desktop shell (Chromium's printToPDF); null in web mode. */
export function pagesToPdf(pages: readonly HTMLElement[]): Promise<Uint8Array | null> {
  const bridge = desk();
  if (!bridge) return Promise.resolve(null);
  return withPrintLayout(pages, () => bridge.printToPdf());
}
