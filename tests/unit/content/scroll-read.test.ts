import { describe, expect, it } from 'vitest';
import { ScrollPastRule, type VisibilityEvent } from '../../../lib/content/scroll-read';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const ev = (t: number, ratio: number, bottom: number, collapsed = false): VisibilityEvent => ({ id: '2507.00001', ratio, bottom, t, collapsed });

/** Seen ≥ 50 % from t=0 to t=visibleMs, then scrolled up out of the viewport by the user at t=exitAt. */
function readThrough(rule: ScrollPastRule, visibleMs: number, exitAt = visibleMs + 200): boolean {
  rule.observe(ev(0, 0.8, 600));
  rule.observe(ev(visibleMs, 0.3, 100));
  rule.userScrolled(exitAt - 100);
  return rule.observe(ev(exitAt, 0, -10));
}

function enabledRule(): ScrollPastRule {
  const rule = new ScrollPastRule();
  rule.enabled = true;
  return rule;
}

describe('mark read when scrolled past', () => {
  it('is off by default (setting and rule)', () => {
    expect(DEFAULT_SETTINGS.markReadOnScrollPast).toBe(false);
    expect(readThrough(new ScrollPastRule(), 5_000)).toBe(false);
  });

  it('marks a card seen at least half for a second, then scrolled up out of view by the user', () => {
    expect(readThrough(enabledRule(), 1_000)).toBe(true);
  });

  it('does not mark a card seen for less than a second', () => {
    expect(readThrough(enabledRule(), 900)).toBe(false);
  });

  it('does not mark a card that was never at least half visible', () => {
    const rule = enabledRule();
    rule.observe(ev(0, 0.4, 600));
    rule.userScrolled(4_900);
    expect(rule.observe(ev(5_000, 0, -10))).toBe(false);
  });

  it('does not mark a card leaving downwards (the user scrolled up)', () => {
    const rule = enabledRule();
    rule.observe(ev(0, 0.9, 600));
    rule.userScrolled(1_900);
    expect(rule.observe(ev(2_000, 0, 1_200))).toBe(false);
  });

  it('does not mark when no user scroll input came just before (scroll restoration, script scroll)', () => {
    const rule = enabledRule();
    rule.observe(ev(0, 0.9, 600));
    rule.userScrolled(500);
    expect(rule.observe(ev(3_000, 0, -10))).toBe(false);
  });

  it('forgets everything on back/forward or soft navigation', () => {
    const rule = enabledRule();
    rule.observe(ev(0, 0.9, 600));
    rule.observe(ev(1_500, 0.2, 50));
    rule.reset();
    expect(rule.observe(ev(1_600, 0, -10))).toBe(false);
  });

  it('never marks a card collapsed by a filter', () => {
    const rule = enabledRule();
    rule.observe(ev(0, 0.9, 600, true));
    rule.userScrolled(1_900);
    expect(rule.observe(ev(2_000, 0, -10, true))).toBe(false);
  });

  it('handles a fast scroll where the card goes from fully visible straight out of view', () => {
    const rule = enabledRule();
    rule.observe(ev(0, 1, 600));
    rule.userScrolled(1_950);
    expect(rule.observe(ev(2_000, 0, -300))).toBe(true);
    expect(rule.observe(ev(2_100, 0, -300))).toBe(false); // once
  });
});
