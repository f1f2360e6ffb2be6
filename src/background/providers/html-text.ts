/**
 * HTML to plain text without a DOM (the service worker has none): Outlook bodies and Google
 * descriptions may be HTML, while the canonical description is text. Block elements and <br>
 * become single line breaks, entities are decoded, scripts/styles and comments are dropped. The result
 * is only ever rendered as text, never parsed as HTML again.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ', // a plain space: Outlook pads bodies with &nbsp; that carries no meaning
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  euro: '€',
  copy: '©',
};

const BLOCK_TAGS = /^(p|div|br|li|ul|ol|tr|table|h[1-6]|blockquote|pre|hr|section|article|header|footer)$/i;

export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\s\S]*?>/i.test(text) || /&(#\d+|#x[\da-f]+|[a-z]+);/i.test(text);
}

export function htmlToText(html: string): string {
  const withoutInvisible = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  const withBreaks = withoutInvisible.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) =>
    BLOCK_TAGS.test(name) ? '\n' : '',
  );
  const decoded = decodeEntities(withBreaks.replace(/<[^>]*>/g, ''));
  return decoded
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    // Both the opening and the closing tag of a block end a line: one break between blocks.
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (match, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return codePoint(parseInt(entity.slice(2), 16), match);
    if (entity.startsWith('#')) return codePoint(parseInt(entity.slice(1), 10), match);
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}

function codePoint(value: number, fallback: string): string {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : fallback;
}
