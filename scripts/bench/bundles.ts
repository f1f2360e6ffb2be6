/**
 * Gzip sizes of what the browser loads for the popup and for the content script, read from the
 * last production build in dist/ (`npm run build`): the page or loader, every chunk it imports
 * (statically or dynamically, followed recursively) and its stylesheets. Each file is gzipped on
 * its own (level 9), as a server or the store would.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  readonly dir: string;
  readonly builtAt: string;
  readonly popup: Bundle | null;
  readonly content: Bundle | null;
}

export interface Bundle {
  /** Paths relative to the build folder. */
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

export function bundleSizes(dist: string): BundleSizes | null {
  const manifestPath = path.join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    action?: { default_popup?: string };
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const popupPage = manifest.action?.default_popup;
  const contentFiles = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  return {
    dir: dist,
    builtAt: statSync(manifestPath).mtime.toISOString(),
    popup: popupPage ? measure(dist, [popupPage]) : null,
    content: contentFiles.length > 0 ? measure(dist, contentFiles) : null,
  };
}

function measure(dist: string, entries: readonly string[]): Bundle {
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.resolve(dist, entry));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const reference of references(text, file)) {
      const target = reference.startsWith('/') ? path.resolve(dist, reference.slice(1)) : path.resolve(path.dirname(file), reference);
      queue.push(target);
    }
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of seen) {
    const bytes = readFileSync(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...seen].map((file) => path.relative(dist, file)).sort(), rawBytes, gzipBytes };
}

/** Local files a page or module pulls in: src/href of scripts and styles, and import specifiers. */
function references(text: string, file: string): string[] {
  const found: string[] = [];
  const patterns = file.endsWith('.html')
    ? [/<script[^>]+src="([^"]+)"/g, /<link[^>]+href="([^"]+)"/g]
    : [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*\(?\s*["']([^"']+)["']/g];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const ref = match[1] as string;
      if (!/^[a-z]+:/i.test(ref)) found.push(ref.split(/[?#]/)[0] as string);
    }
  }
  // crxjs content-script loaders import the real script by extension URL (relative to the root).
  for (const match of text.matchAll(/getURL\(\s*["']([^"']+)["']\s*\)/g)) found.push(`/${(match[1] as string).replace(/^\//, '')}`);
  return found;
}
