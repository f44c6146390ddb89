// node:http front door: POST / (EC2 Query, SigV4-signed) and /_emulator/* (JSON control plane, bearer token),
// loopback only.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkMethod, checkSignature, hasControlToken } from './access';
import { credentialScope } from './accounts';
import { handleControl } from './control-plane';
import type { Emulator } from './emulator';
import { errorXml } from './xml';

/** The Server header of every answer (real EC2 sends `AmazonEC2`). */
export const EMULATOR_SERVER_HEADER = 'ENI-Console-EC2-Emulator';

const MAX_BODY = 10 * 1024 * 1024;

/** The body as text, or null when it is larger than MAX_BODY (drained, not kept, so an answer can still go out). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  requestId: string,
  extra: Record<string, string> = {},
): void {
  // x-amzn-RequestId on every answer: the SDK fills $metadata.requestId only from this header (ec2-rules §1.2).
  // Server: EC2 answers `AmazonEC2`; the emulator names itself so a console can tell it from other endpoints.
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': requestId,
    Server: EMULATOR_SERVER_HEADER,
    ...extra,
  });
  res.end(body);
}

/** A protocol-level refusal in the EC2 error envelope (ec2-rules §1.3), for requests that never reach an action. */
function sendEc2Error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  const requestId = randomUUID();
  send(res, status, 'text/xml;charset=UTF-8', errorXml(code, message, requestId), requestId, extra);
}

async function route(emu: Emulator, controlToken: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const control = url.pathname.startsWith('/_emulator/') || url.pathname === '/_emulator';
  // Refused before the body is read: an unauthorised caller costs nothing.
  if (control && !hasControlToken(req.headers.authorization, controlToken)) {
    const error =
      'The control plane needs Authorization: Bearer <token>: the EMULATOR_CONTROL_TOKEN the emulator was started with, or the token `npm run emulator` / `npm run demo` printed.';
    send(res, 401, 'application/json', JSON.stringify({ error }), randomUUID(), { 'WWW-Authenticate': 'Bearer' });
    req.resume();
    return;
  }
  if (!control) {
    const unsigned = checkSignature(req.headers.authorization);
    if (unsigned) {
      req.resume();
      sendEc2Error(res, unsigned.status, unsigned.code, unsigned.message);
      return;
    }
  }
  const body = await readBody(req);
  if (body === null) {
    if (control) send(res, 413, 'application/json', JSON.stringify({ error: 'body larger than 10 MiB' }), randomUUID());
    else sendEc2Error(res, 413, 'RequestEntityTooLarge', 'The request body is larger than 10 MiB.');
    return;
  }
  if (control) {
    const answer = handleControl(emu, method, url.pathname, body);
    send(res, answer.status, 'application/json', JSON.stringify(answer.json), randomUUID());
    return;
  }
  // EC2 takes a POSTed form, or the same parameters as a GET query string (ec2-rules §1.1); other verbs run nothing.
  if (method !== 'POST' && method !== 'GET' && method !== 'HEAD') {
    sendEc2Error(
      res,
      405,
      'MethodNotAllowed',
      `The HTTP method ${method} is not allowed; send the EC2 Query request as POST (or GET).`,
      { Allow: 'GET, POST' },
    );
    return;
  }
  const byGet = checkMethod(method, method === 'POST' ? null : url.searchParams.get('Action'));
  if (byGet) {
    sendEc2Error(res, byGet.status, byGet.code, byGet.message);
    return;
  }
  const form = method === 'POST' ? body : url.searchParams.toString();
  // Injected latency (a slow or frozen endpoint): the request is handled after the delay, answered or not.
  const latency = emu.latencyFor(new URLSearchParams(form).get('Action') ?? '');
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency).unref());
  const answer = emu.handleEc2(form, credentialScope(req.headers.authorization));
  if (answer.drop) {
    req.socket.destroy();
    return;
  }
  send(res, answer.status, 'text/xml;charset=UTF-8', answer.body, answer.requestId);
}

export function createEmulatorServer(emu: Emulator, controlToken: string): Server {
  const server = createServer((req, res) => {
    route(emu, controlToken, req, res).catch((err: unknown) => {
      console.error('[emulator] request failed:', err);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error', randomUUID());
      else res.destroy();
    });
  });
  // Keep idle connections open longer than any client keeps them (undici 4 s, the SDK's agent): the server must
  // never be the side that closes an idle keep-alive socket, or a client reusing it at that moment reads ECONNRESET
  // (Node's own 5 s default loses that race whenever the client's event loop is busy for a few seconds).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
