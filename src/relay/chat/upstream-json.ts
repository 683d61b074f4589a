// Non-streaming chat completions over plain node:http(s) with a keep-alive agent. Why not the openai SDK
// here: on Node 20 the SDK call (request building, web Headers/Response, JSON through web streams) costs
// 6–13 ms of CPU per request on a busy 2-core host, against ~0.3 ms for this path, and the relay's whole
// added-latency budget is 2 ms (docs/relay-scaling.md). The request is the same OpenAI-compatible
// `POST {baseURL}/chat/completions` the SDK sends; streaming still goes through the SDK.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Replies larger than this are refused rather than buffered (max_tokens is capped far below it). */
const MAX_REPLY_BYTES = 16 * 1024 * 1024;

export class UpstreamStatusError extends Error {
  constructor(readonly status: number) {
    super(`upstream answered ${status}`);
  }
}

export type JsonPoster = (body: unknown, signal: AbortSignal) => Promise<unknown>;

export function createJsonPoster(baseUrl: string, apiKey: string, maxSockets = 64): JsonPoster {
  // Same URL joining as the SDK: base URL without trailing slashes, then the endpoint path.
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/chat/completions`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('unsupported upstream protocol');
  const https = url.protocol === 'https:';
  const agent = https
    ? new HttpsAgent({ keepAlive: true, maxSockets })
    : new HttpAgent({ keepAlive: true, maxSockets });
  const request = https ? httpsRequest : httpRequest;
  const auth = `Bearer ${apiKey}`;

  const send = (payload: Buffer, signal: AbortSignal, retried: boolean): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason as Error);
      let responded = false;
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          signal,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'content-length': payload.length,
            authorization: auth,
          },
        },
        (res: IncomingMessage) => {
          responded = true;
          const status = res.statusCode ?? 502;
          if (status < 200 || status > 299) {
            // The body of an error may echo the prompt: drain it unread.
            res.resume();
            return reject(new UpstreamStatusError(status));
          }
          const parts: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_REPLY_BYTES) return void res.destroy(new UpstreamStatusError(502));
            parts.push(c);
          });
          res.on('error', reject);
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown);
            } catch {
              reject(new UpstreamStatusError(502));
            }
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive socket the upstream closed while idle fails on first use, before any reply: retry
        // once on a fresh connection (the pattern Node's documentation gives for `reusedSocket`).
        if (!retried && !responded && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
          return void send(payload, signal, true).then(resolve, reject);
        }
        reject(err);
      });
      req.end(payload);
    });

  return (body, signal) => send(Buffer.from(JSON.stringify(body), 'utf8'), signal, false);
}
