// The web client is bundled by esbuild in memory when the server starts (about 100 ms): no build
// step for the user, no build output in the repository, and the bundle always matches the code.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src');

export interface WebBundle {
  /** The entry script's file name (content-hashed), e.g. `app-3UNSsvRl.js`. */
  entry: string;
  /** Every file of the bundle by name: the entry and the chunks loaded on demand (charts). */
  files: Map<string, string>;
}

export async function buildWebClient(options: { minify?: boolean } = {}): Promise<WebBundle> {
  const result = await build({
    entryPoints: { app: path.join(SRC, 'main.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    sourcemap: false,
    write: false,
    outdir: '/assets',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((f) => [path.basename(f.path), f.text]));
  const entry = [...files.keys()].find((name) => name.startsWith('app-'))!;
  return { entry, files };
}

/** The HTML page that loads the client; everything else is rendered by it. */
export function webPage(bundle: WebBundle, lang = 'en', dir: 'ltr' | 'rtl' = 'ltr'): string {
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ERP</title>
<style>html, body { margin: 0; }</style>
<script type="module" src="/web/assets/${bundle.entry}"></script>
</head>
<body><erp-app></erp-app></body>
</html>`;
}
