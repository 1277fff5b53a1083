import { describe, expect, it } from 'vitest';
import { lifetimeOf } from '../../../lib/content/lifetime';
import { Overlay } from '../../../lib/content/toast';

describe('the overlay', () => {
  it('links its stylesheet in its shadow root, and comes back when the site replaces the body', () => {
    const overlay = new Overlay(document, lifetimeOf(new AbortController().signal), 'data:text/css,');
    overlay.prepare();
    const host = () => document.querySelector('[data-pi-ui="overlay"]');
    expect(host()?.shadowRoot?.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe('data:text/css,');
    document.body.innerHTML = '<main>another page</main>'; // a client-side switch that drops our host
    expect(host()).toBeNull();
    overlay.toast('Marked 3 papers read');
    expect(host()?.shadowRoot?.querySelector('[role="status"]')?.textContent).toBe('Marked 3 papers read');
  });
});
