// Reads the relay's framed, sealed reply stream. Each frame is opened with the next counter value, so a
// missing, repeated or reordered chunk fails authentication; a stream that ends before a chunk marked
// final is reported as truncated; bytes after the final chunk are corruption.
import { MAX_FRAME, openChunk, type ChunkMessage, type ResponseKeys } from './protocol';

export class RelayStreamError extends Error {
  constructor(readonly code: 'TRUNCATED' | 'CORRUPT') {
    super(code === 'TRUNCATED' ? 'The reply ended early.' : 'The reply could not be authenticated.');
  }
}

export async function* readChunks(body: AsyncIterable<Uint8Array>, keys: ResponseKeys): AsyncGenerator<ChunkMessage> {
  let buf = new Uint8Array(0);
  let seq = 0;
  let finished = false;
  for await (const part of body) {
    const next = new Uint8Array(buf.length + part.length);
    next.set(buf);
    next.set(part, buf.length);
    buf = next;
    for (;;) {
      if (buf.length < 4) break;
      const len = new DataView(buf.buffer, buf.byteOffset).getUint32(0);
      if (len < 17 || len > MAX_FRAME || finished) throw new RelayStreamError('CORRUPT');
      if (buf.length < 4 + len) break;
      const flag = buf[4];
      if (flag !== 0 && flag !== 1) throw new RelayStreamError('CORRUPT');
      const pt = openChunk(keys, seq, flag === 1, buf.subarray(5, 4 + len));
      if (!pt) throw new RelayStreamError('CORRUPT');
      buf = buf.subarray(4 + len);
      seq++;
      finished = flag === 1;
      yield JSON.parse(new TextDecoder().decode(pt)) as ChunkMessage;
    }
  }
  if (buf.length > 0) throw new RelayStreamError(finished ? 'CORRUPT' : 'TRUNCATED');
  if (!finished) throw new RelayStreamError('TRUNCATED');
}
