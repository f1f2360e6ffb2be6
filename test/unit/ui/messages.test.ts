/**
 * The English messages.json is the UI's only source of text: every entry well-formed for Chrome,
 * every placeholder declared and used, and every message used somewhere (no dead strings for
 * translators to maintain).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';

const ROOT = path.resolve(import.meta.dirname, '../../..');
type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };
const entries = Object.entries(messages as Record<string, Entry>);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(tsx?|css)$/.test(name) ? [readFileSync(full, 'utf8')] : [];
  });
}

describe('_locales/en/messages.json', () => {
  it('has valid keys, a description for translators, and consistent placeholders', () => {
    for (const [key, entry] of entries) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.description, key).toBeTruthy();
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
      expect(used, key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      for (const placeholder of Object.values(entry.placeholders ?? {})) expect(placeholder.content).toMatch(/^\$[1-9]$/);
    }
  });

  it('holds only messages the extension uses', () => {
    const code = [...sources(path.join(ROOT, 'src')), readFileSync(path.join(ROOT, 'manifest.config.ts'), 'utf8')].join('\n');
    const unused = entries.map(([key]) => key).filter((key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });
});
