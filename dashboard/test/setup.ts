import { TextDecoder, TextEncoder } from 'node:util';
import '@testing-library/jest-dom';

// jsdom has no Web Animations API; Designsystemet's Spinner synchronises its animation with it.
if (typeof document.getAnimations !== 'function') {
  document.getAnimations = () => [];
}

// Recharts' ResponsiveContainer and Designsystemet measure elements with ResizeObserver.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// jsdom has no <dialog> methods.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

// react-router encodes URLs with TextEncoder, which jsdom does not provide.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}

// main.tsx fetches the remembered language's chunk before the first render; tests that start in
// English get the same (the chunk is a dynamic import in the app).
import { loadMessages } from '../src/i18n/i18n';
beforeAll(() => loadMessages('en'));
