// Opens the relay's framed reply stream. Frame i is opened with nonce i, so a missing, repeated or
// reordered frame fails authentication; a stream without a final frame is truncated; bytes after the
// final frame are corruption. Any of these ends the reply with one typed failure.
import { z } from 'zod';
import { MAX_FRAME, openChunk, type ResponseKeys } from './wire';

export class RelayStreamError extends Error {
  constructor(readonly why: 'truncated' | 'corrupt') {
    super(why);
  }
}

const messageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('delta'), text: z.string() }),
  z.object({
    t: z.literal('done'),
    finishReason: z.string(),
    usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).optional(),
  }),
  z.object({ t: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ChunkMessage = z.infer<typeof messageSchema>;

export async function* readChunks(body: AsyncIterable<Uint8Array>, keys: ResponseKeys): AsyncGenerator<ChunkMessage> {
  let buf = new Uint8Array(0);
  let seq = 0;
  let finished = false;
  for await (const part of body) {
    const next = new Uint8Array(buf.length + part.length);
    next.set(buf);
    next.set(part, buf.length);
    buf = next;
    while (buf.length >= 4) {
      const len = new DataView(buf.buffer, buf.byteOffset).getUint32(0);
      if (len < 17 || len > MAX_FRAME || finished) throw new RelayStreamError('corrupt');
      if (buf.length < 4 + len) break;
      const flag = buf[4];
      if (flag !== 0 && flag !== 1) throw new RelayStreamError('corrupt');
      const pt = openChunk(keys, seq, flag === 1, buf.subarray(5, 4 + len));
      if (!pt) throw new RelayStreamError('corrupt');
      buf = buf.subarray(4 + len);
      seq++;
      finished = flag === 1;
      yield parseMessage(pt);
    }
  }
  if (buf.length > 0) throw new RelayStreamError(finished ? 'corrupt' : 'truncated');
  if (!finished) throw new RelayStreamError('truncated');
}

function parseMessage(pt: Uint8Array): ChunkMessage {
  try {
    const parsed = messageSchema.safeParse(JSON.parse(new TextDecoder().decode(pt)));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through: authenticated but not a message we understand
  }
  throw new RelayStreamError('corrupt');
}
