// Request-body decoding with a limit on the DECODED size: a small gzip body that inflates past the limit
// (a "gzip bomb") is cut off with 413 as soon as the limit is crossed, without inflating the rest.
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { RelayError } from './errors';

export function decodeBody(payload: Readable, encoding: string | undefined, limit: number): Readable {
  const enc = (encoding ?? 'identity').trim().toLowerCase();
  if (enc === 'identity' || enc === '') return payload;
  if (enc !== 'gzip') throw new RelayError('UNSUPPORTED_ENCODING');
  let decoded = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _e, cb) {
      decoded += chunk.length;
      if (decoded > limit) cb(new RelayError('TOO_LARGE'));
      else cb(null, chunk);
    },
  }) as Transform & { receivedEncodedLength: number };
  counted.receivedEncodedLength = 0;
  const gunzip = createGunzip();
  payload.on('data', (c: Buffer) => (counted.receivedEncodedLength += c.length));
  gunzip.on('error', () => counted.destroy(new RelayError('INVALID_INPUT')));
  counted.on('error', () => {
    gunzip.destroy();
    payload.unpipe(gunzip);
    payload.resume();
  });
  payload.pipe(gunzip).pipe(counted);
  return counted;
}
