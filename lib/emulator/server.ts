// node:http front door: POST / (EC2 Query) and /_emulator/* (JSON control plane), loopback only.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control-plane';
import type { Emulator } from './emulator';

const MAX_BODY = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, requestId: string): void {
  // x-amzn-RequestId on every answer: the SDK fills $metadata.requestId only from this header (§1.2).
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'x-amzn-RequestId': requestId });
  res.end(body);
}

async function route(emu: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = await readBody(req);
  if (url.pathname.startsWith('/_emulator/') || url.pathname === '/_emulator') {
    const answer = handleControl(emu, req.method ?? 'GET', url.pathname, body);
    send(res, answer.status, 'application/json', JSON.stringify(answer.json), randomUUID());
    return;
  }
  // EC2 accepts the same parameters as a GET query string (§1.1); the SDKs POST a form body.
  const form = req.method === 'GET' ? url.searchParams.toString() : body;
  const answer = emu.handleEc2(form);
  send(res, answer.status, 'text/xml;charset=UTF-8', answer.body, answer.requestId);
}

export function createEmulatorServer(emu: Emulator): Server {
  return createServer((req, res) => {
    route(emu, req, res).catch((err: unknown) => {
      console.error('[emulator] request failed:', err);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error', randomUUID());
      else res.destroy();
    });
  });
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
