import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER } from '@/lib/auth/sign-in';
// What scripts/vigie.ts preloads into the Next.js server.
import '@/scripts/peer-address.mjs';

/**
 * Over real HTTP: a client that forges X-Forwarded-For, or the peer header itself, still
 * gets counted at its socket address when no proxy is configured.
 */
describe('the client address over HTTP', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const hops = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('hops'));
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
      res.end(clientAddress(headers, hops));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = async (hops: number, headers: Record<string, string>) => (await fetch(`${base}/?hops=${hops}`, { headers })).text();

  it('is the socket address by default, whatever the client wrote', async () => {
    expect(await ask(0, {})).toBe('127.0.0.1');
    expect(await ask(0, { 'x-forwarded-for': '6.6.6.6' })).toBe('127.0.0.1');
    expect(await ask(0, { 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '7.7.7.7' })).toBe('127.0.0.1');
  });

  it('behind one trusted proxy, is what that proxy appended', async () => {
    // The proxy (here the socket peer, 127.0.0.1) appended 203.0.113.9 after the client's forgery.
    expect(await ask(1, { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })).toBe('203.0.113.9');
  });
});
