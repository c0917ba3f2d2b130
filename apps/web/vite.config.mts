import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The portal's Content-Security-Policy. The API sends it as a header when it serves the portal
 * (apps/api/src/app.module.ts keeps the same list, with `frame-ancestors`, which a meta tag cannot
 * carry); the build also writes it into index.html as a meta tag, for any other static host.
 * No inline script or style anywhere: the build emits files only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.CHANCERY_API_URL ?? 'http://localhost:3000';

/** Writes the CSP into the built index.html (the dev server needs React Refresh's inline preamble). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'chancery-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * react-router's package exports name only its development build (dev warnings on, route checks on
 * every render) for every condition, production included (remix-run/react-router#12532, #14102,
 * "temporary"); its production build ships beside it. The portal's build uses that one: on a public
 * page, route matching took about a tenth of the time to first render with the development build.
 */
const reactRouterProductionBuild = join(dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist/production/index.mjs');

export default defineConfig(({ command }) => ({
  root: webRoot,
  publicDir: 'public',
  plugins: [react(), contentSecurityPolicyMeta()],
  resolve: command === 'build' ? { alias: [{ find: /^react-router$/, replacement: reactRouterProductionBuild }] } : {},
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Every asset is a file of its own: nothing inline, so `script-src 'self'` holds.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: { '/graphql': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/graphql': { target: apiTarget, changeOrigin: false } },
  },
}));
