// Builds the extension: a small Node bundle for activation, a lazily loaded Node bundle holding the Azure SDKs,
// the Azure layer and the sandbox, a sandbox CLI, and one browser bundle for the webview forms.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** `import('../azure/core')` from the extension bundle stays a separate file, loaded on first use. */
const lazyCore = {
  name: 'lazy-core',
  setup(build) {
    build.onResolve({ filter: /\/core$/ }, (args) =>
      args.importer.includes('/src/lazy/') ? { path: './core.js', external: true } : undefined);
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', plugins: [lazyCore] },
  { ...node, entryPoints: { core: 'src/core.ts', sandbox: 'src/sandbox/cli.ts' }, outdir: 'dist' },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { webview: 'src/webview-ui/main.ts' }, outdir: 'dist' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[esbuild] watching');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const r of results) {
    for (const [file, out] of Object.entries(r.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`[esbuild] ${file} ${(out.bytes / 1024).toFixed(0)} KiB`);
    }
  }
}
