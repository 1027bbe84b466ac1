/**
 * The layers of src/, top first (docs/ARCHITECTURE.md, "Layers"): a folder (or root file) imports only from rows below
 * its own, never from its own row or above. A new top-level folder gets a row here and in the document.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['extension.ts', 'webview-ui'],
  ['tools'],
  ['commands'],
  ['coverage'],
  ['tree'],
  ['webview'],
  ['ui'],
  ['session', 'presentation'],
  ['bundles'],
  ['auth'],
  ['azure', 'sandbox'],
];

export function layerOf(node: string): number | undefined {
  const row = LAYERS.findIndex((names) => names.includes(node));
  return row < 0 ? undefined : row;
}
