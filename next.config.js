/**
 * Hosts besides localhost that may load `npm run dev`'s own resources (its
 * scripts and the hot-reload socket under /_next). Next blocks every other
 * origin, and a page opened at http://127.0.0.1:3000 then never hydrates.
 * A teacher serving a class from a laptop is reached at its address on the
 * school network: the private IPv4 ranges, and a `.local` name. Production
 * (`npm start`) does not read this.
 */
const privateNetworks = [
  '127.0.0.1',
  '[::1]',
  '10.*.*.*',
  '192.168.*.*',
  ...Array.from({ length: 16 }, (_, i) => `172.${16 + i}.*.*`),
  '*.local',
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // node-postgres and Prisma's runtime stay plain Node modules on the server.
  serverExternalPackages: ['pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // A new map's form carries up to four sources of 200,000 characters each
  // (up to 800 kB of UTF-8 apiece); Next's default cap of 1 MB per action
  // would refuse two long ones before the form could say anything.
  experimental: { serverActions: { bodySizeLimit: '4mb' } },
  allowedDevOrigins: privateNetworks,
  /**
   * On every answer: no other site may frame the app (a signed-in page
   * framed could be clicked through), no content-type guessing, and other
   * sites learn only our origin from a link (never a map's path or a share
   * link's token). Pages get their Content-Security-Policy, with a fresh
   * nonce, from proxy.ts; the API's answers load nothing.
   * docs/SECURITY.md lists every header in one place.
   */
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
