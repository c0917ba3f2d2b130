import { createElement, lazy, type ComponentType } from 'react';

/** A page component loaded on demand, which can also be loaded ahead (`preload`). */
export type LazyPage = ComponentType & { preload: () => Promise<unknown> };

/**
 * Like `React.lazy`, but a page loaded ahead renders at once: React.lazy suspends on its first render
 * even when its module is already here, and React then holds the fallback for up to 300 ms before
 * revealing the page. Public pages a visitor lands on (a QR code, a delivery note) are loaded beside
 * the messages before the first render, so they show without that wait.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loaded: ComponentType | undefined;
  const preload = () => load().then((module) => (loaded = module.default));
  const Lazy = lazy(() => load());
  const Page = (() => createElement(loaded ?? Lazy)) as unknown as LazyPage;
  Page.preload = preload;
  return Page;
}
