/**
 * Server-sent events, as OpenAI-compatible servers stream them: `data: <json>` lines separated
 * by blank lines, ending with `data: [DONE]`. Yields each event's data; bounded so a server that
 * never sends a newline cannot grow memory without limit.
 */
export async function* sseData(body: AsyncIterable<Uint8Array>, maxEventBytes = 1 << 20): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    if (buffer.length > maxEventBytes) throw new SseError('an event is too large');
    let cut: number;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const event = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      const data = event
        .split(/\r?\n/)
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data) yield data;
    }
  }
  const rest = buffer.trim();
  if (rest.startsWith('data:')) yield rest.slice(5).trim();
}

export class SseError extends Error {}
