// @ts-check
/**
 * `tandem/restricted-paths`: forbids imports that cross an architectural boundary. Each zone says
 * that files under `target` may not import modules under `from` (relative to the project root),
 * except those under `except` (relative to `from`). Only relative specifiers can reach project
 * files, so only those are resolved; packages are governed by `no-restricted-imports`.
 *
 * In-repo rather than eslint-plugin-import-x: that plugin needs a native resolver whose non-Linux
 * builds this project's registry does not serve, which breaks `npm ci` on a clean machine.
 */
import path from 'node:path';

/** @param {string} child @param {string} parent */
function isInside(child, parent) {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** @type {import('eslint').Rule.RuleModule} */
export const restrictedPaths = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports across architectural boundaries' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                target: { type: 'string' },
                from: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
                except: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['target', 'from'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: { restricted: 'Import of "{{specifier}}" is not allowed here. {{message}}' },
  },
  create(context) {
    const root = context.cwd;
    /** @type {{ target: string; from: string | string[]; except?: string[]; message?: string }[]} */
    const zones = context.options[0]?.zones ?? [];
    const file = context.physicalFilename;
    const applicable = zones
      .filter((zone) => isInside(file, path.resolve(root, zone.target)))
      .map((zone) => ({
        from: (Array.isArray(zone.from) ? zone.from : [zone.from]).map((f) => path.resolve(root, f)),
        except: zone.except ?? [],
        message: zone.message ?? '',
      }));
    if (applicable.length === 0) return {};

    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (!specifier.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), specifier);
      for (const zone of applicable) {
        const from = zone.from.find((f) => isInside(resolved, f));
        if (!from) continue;
        if (zone.except.some((e) => isInside(resolved, path.resolve(from, e)))) continue;
        context.report({ node: source, messageId: 'restricted', data: { specifier, message: zone.message } });
        return;
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'restricted-paths': restrictedPaths } };
