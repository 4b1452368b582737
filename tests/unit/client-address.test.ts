import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '@/lib/server/client-address';

const PEER = 'x-counterpoint-peer-test';
const request = (headers: Record<string, string>) => new Headers(headers);

describe('the client address', () => {
  it('is the connection’s peer when no proxy is trusted, whatever forwarded headers say', () => {
    const headers = request({
      [PEER]: '::ffff:203.0.113.7',
      'x-forwarded-for': '10.1.2.3, 10.4.5.6',
      'x-real-ip': '10.7.8.9',
    });
    expect(clientAddressOf(headers, 0, PEER)).toBe('203.0.113.7');
  });

  it('is unknown with no trusted proxy and no peer (the app started without its launcher)', () => {
    expect(clientAddressOf(request({ 'x-forwarded-for': '10.1.2.3' }), 0, PEER)).toBeNull();
    expect(clientAddressOf(request({ [PEER]: '10.1.2.3' }), 0, null)).toBeNull();
  });

  it('is what the outermost trusted proxy saw, whatever the client wrote before it', () => {
    // client wrote 6.6.6.6; proxy 1 saw 198.51.100.4; proxy 2 saw proxy 1 (10.0.0.2); the app's peer is proxy 2.
    const headers = request({
      [PEER]: '10.0.0.3',
      'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.2',
    });
    expect(clientAddressOf(headers, 1, PEER)).toBe('10.0.0.2');
    expect(clientAddressOf(headers, 2, PEER)).toBe('198.51.100.4');
    // Without the launcher's peer, the nearest proxy's entry is the last one.
    expect(clientAddressOf(request({ 'x-forwarded-for': '6.6.6.6, 198.51.100.4' }), 1, null)).toBe(
      '198.51.100.4',
    );
  });

  it('takes X-Real-IP from a trusted proxy that sends no X-Forwarded-For, and ignores what is not an address', () => {
    expect(
      clientAddressOf(request({ [PEER]: '10.0.0.3', 'x-real-ip': '198.51.100.4' }), 1, PEER),
    ).toBe('198.51.100.4');
    expect(clientAddressOf(request({ 'x-forwarded-for': 'not-an-address' }), 1, PEER)).toBeNull();
  });
});
