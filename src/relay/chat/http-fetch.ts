// A minimal fetch for the upstream on node:http/https with a keep-alive agent. Why: Node 20's built-in
// fetch (undici) costs several milliseconds of CPU per call on a busy 2-core host, which alone would
// exceed the relay's added-latency budget; the openai SDK accepts any fetch implementation.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

export function createHttpFetch(maxSockets = 64): typeof fetch {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets }),
  };
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('unsupported protocol');
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      throw new TypeError('only string or byte bodies are supported');
    }
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        url,
        { method: init?.method ?? 'GET', headers, agent: agents[url.protocol as 'http:'], signal },
        resolve,
      );
      req.on('error', reject);
      req.end(body ?? undefined);
    });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (Array.isArray(v)) v.forEach((x) => out.append(k, x));
      else if (v !== undefined) out.set(k, v);
    }
    const status = res.statusCode ?? 502;
    const nullBody = status === 204 || status === 304 || init?.method === 'HEAD';
    if (nullBody) {
      res.resume();
      return new Response(null, { status, headers: out });
    }
    // Event streams stay streams; everything else is buffered first, because a web-stream body costs far
    // more per response than one Buffer on Node 20.
    if ((res.headers['content-type'] ?? '').includes('text/event-stream')) {
      return new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status, headers: out });
    }
    const parts: Buffer[] = [];
    for await (const c of res) parts.push(c as Buffer);
    return new Response(Buffer.concat(parts), { status, headers: out });
  };
}
