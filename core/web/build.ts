// The web client is bundled by esbuild in memory when the server starts (about 100 ms): no build
// step for the user, no build output in the repository, and the bundle always matches the code.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src');

export interface WebBundle {
  js: string;
  /** Content hash, for cache-busting URLs and ETags. */
  hash: string;
}

export async function buildWebClient(options: { minify?: boolean } = {}): Promise<WebBundle> {
  const result = await build({
    entryPoints: [path.join(SRC, 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    sourcemap: false,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  return { js: file.text, hash: file.hash.replace(/[^A-Za-z0-9]/g, '').slice(0, 12) };
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
<script type="module" src="/web/assets/app-${bundle.hash}.js"></script>
</head>
<body><erp-app></erp-app></body>
</html>`;
}
