/**
 * A small, safe Markdown-to-DOM renderer for chat messages. Model output is untrusted: every piece of
 * it becomes a text node, and the only elements made are a fixed set (p, strong, em, code, pre, ul, ol,
 * li, a, br, h3..h5). No HTML in the input is ever parsed, so `<script>`, `<img onerror>` and friends
 * show up as the literal characters the model wrote. Links are live only for absolute https:// URLs and
 * open with rel="noopener noreferrer"; anything else (javascript:, data:, http:, relative) stays text.
 */

/**
 * Every span is bounded ({1,500}…) so a hostile line costs O(length × 500) to scan, never O(length²).
 */
/** Keeps pathological nesting (`***…***` thousands deep) from recursing without end. */
const MAX_INLINE_DEPTH = 4;

const INLINE =
  /(`+)([^`\n]{1,2000}?)\1|\*\*(.{1,500}?)\*\*|__(.{1,500}?)__|\*([^*\s](?:[^*]{0,500}?[^*\s])?)\*|(?<![\w])_([^_\s](?:[^_]{0,500}?[^_\s])?)_(?![\w])|\[([^\]\n]{1,500})\]\(((?:[^()\s]|\([^()\s]{0,200}\)){1,2000})\)/g;

export function safeHttpsUrl(raw: string): string | null {
  if (!/^https:\/\//i.test(raw)) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

function appendInline(doc: Document, parent: Node, text: string, depth = 0): void {
  if (depth > MAX_INLINE_DEPTH) {
    parent.appendChild(doc.createTextNode(text));
    return;
  }
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) parent.appendChild(doc.createTextNode(text.slice(last, at)));
    last = at + m[0].length;
    const [, , code, strong1, strong2, em1, em2, linkText, href] = m;
    if (code !== undefined) {
      const el = doc.createElement('code');
      el.textContent = code;
      parent.appendChild(el);
    } else if (strong1 !== undefined || strong2 !== undefined) {
      const el = doc.createElement('strong');
      appendInline(doc, el, strong1 ?? strong2 ?? '', depth + 1);
      parent.appendChild(el);
    } else if (em1 !== undefined || em2 !== undefined) {
      const el = doc.createElement('em');
      appendInline(doc, el, em1 ?? em2 ?? '', depth + 1);
      parent.appendChild(el);
    } else if (linkText !== undefined && href !== undefined) {
      const url = safeHttpsUrl(href);
      if (url) {
        const a = doc.createElement('a');
        a.setAttribute('href', url);
        a.setAttribute('rel', 'noopener noreferrer');
        a.setAttribute('target', '_blank');
        appendInline(doc, a, linkText, depth + 1);
        parent.appendChild(a);
      } else {
        // Shown, not followed: the reader sees exactly where the link would have gone.
        appendInline(doc, parent, linkText, depth + 1);
        parent.appendChild(doc.createTextNode(` (${href})`));
      }
    }
  }
  if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
}

/** Inline content with single newlines kept as line breaks (chat replies rely on them). */
function appendLines(doc: Document, parent: Node, lines: readonly string[]): void {
  lines.forEach((line, i) => {
    if (i > 0) parent.appendChild(doc.createElement('br'));
    appendInline(doc, parent, line);
  });
}

const FENCE = /^\s*(```|~~~)/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^\s*(#{1,6})\s+(.*)$/;

/** Renders Markdown into a fragment built only from created elements and text nodes. */
export function renderMarkdown(source: string, doc: Document = document): DocumentFragment {
  const out = doc.createDocumentFragment();
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```')) body.push(lines[i++] ?? '');
      i++; // the closing fence (or the end of a reply that is still streaming)
      const pre = doc.createElement('pre');
      const code = doc.createElement('code');
      code.textContent = body.join('\n');
      pre.appendChild(code);
      out.appendChild(pre);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      // Chat headings stay modest: # → h3 … so a reply never outranks the page's own headings.
      const level = Math.min(5, 2 + (heading[1]?.length ?? 1));
      const h = doc.createElement(`h${level}`);
      appendInline(doc, h, heading[2] ?? '');
      out.appendChild(h);
      i++;
      continue;
    }
    if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      const first = NUMBERED.exec(line)?.[1];
      if (ordered && first && first !== '1') list.setAttribute('start', String(Number(first)));
      const pattern = ordered ? NUMBERED : BULLET;
      while (i < lines.length) {
        const m = pattern.exec(lines[i] ?? '');
        if (!m) break;
        const li = doc.createElement('li');
        appendInline(doc, li, (ordered ? m[2] : m[1]) ?? '');
        list.appendChild(li);
        i++;
      }
      out.appendChild(list);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i] ?? '';
      if (!l.trim() || FENCE.test(l) || HEADING.test(l) || BULLET.test(l) || NUMBERED.test(l)) break;
      para.push(l);
      i++;
    }
    const p = doc.createElement('p');
    appendLines(doc, p, para);
    out.appendChild(p);
  }
  return out;
}
