/**
 * The production build (dist/, made by `npm run build` before the e2e step) carries no remote
 * code: no script from the network, no eval or Function constructor, no dynamic import of a URL,
 * no loosened content security policy, and no door for web pages (externally_connectable).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('production build: no remote code', () => {
  it('exists (npm run build ran first)', () => {
    expect(existsSync(path.join(DIST, 'manifest.json')), 'run `npm run build` before the e2e tests').toBe(true);
  });

  it('runs only its own packaged scripts', () => {
    const code = files(DIST).filter((f) => /\.(m?js|html)$/.test(f));
    expect(code.length).toBeGreaterThan(3);
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      const where = path.relative(DIST, file);
      expect(text, where).not.toMatch(/\beval\s*\(/);
      expect(text, where).not.toMatch(/new\s+Function\s*\(/);
      expect(text, where).not.toMatch(/<script[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i);
      expect(text, where).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
      expect(text, where).not.toMatch(/importScripts\s*\(\s*["'`]https?:/);
    }
  });

  it('keeps the default content security policy and lets no web page talk to it', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['content_security_policy']).toBeUndefined();
    expect(manifest['externally_connectable']).toBeUndefined();
    expect(manifest['sandbox']).toBeUndefined();
  });
});
