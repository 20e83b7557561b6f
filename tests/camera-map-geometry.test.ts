import { describe, expect, it } from 'vitest';
import {
  clickedPosition,
  escapeHtml,
  isPlaceable,
  markerHtml,
  normalizeDirection,
  normalizeLongitude,
  roundCoordinate,
} from '@/app/espace/propositions/_components/camera-map-geometry';

describe('camera map coordinates', () => {
  it('rounds to 6 decimals, half away from zero, without -0', () => {
    expect(roundCoordinate(45.764043123)).toBe(45.764043);
    expect(roundCoordinate(4.8356789)).toBe(4.835679);
    expect(roundCoordinate(-0.12345678)).toBe(-0.123457);
    expect(roundCoordinate(12)).toBe(12);
    expect(Object.is(roundCoordinate(-0.0000001), 0)).toBe(true);
    expect(roundCoordinate(Number.NaN)).toBeNaN();
    expect(roundCoordinate(Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it('brings longitudes of a panned-around world back into [-180, 180)', () => {
    expect(normalizeLongitude(4.8)).toBe(4.8);
    expect(normalizeLongitude(364.8)).toBeCloseTo(4.8, 9);
    expect(normalizeLongitude(-355.2)).toBeCloseTo(4.8, 9);
    expect(normalizeLongitude(180)).toBe(-180);
  });

  it('turns a click into rounded, wrapped coordinates, or nothing', () => {
    expect(clickedPosition(45.76404312, 364.83567891)).toEqual({ latitude: 45.764043, longitude: 4.835679 });
    expect(clickedPosition(Number.NaN, 4)).toBeNull();
    expect(clickedPosition(91, 4)).toBeNull();
  });

  it('only places cameras with usable coordinates', () => {
    expect(isPlaceable(45.76, 4.83)).toBe(true);
    expect(isPlaceable(null, 4.83)).toBe(false);
    expect(isPlaceable(45.76, undefined)).toBe(false);
    expect(isPlaceable(Number.NaN, 4.83)).toBe(false);
    expect(isPlaceable(95, 4.83)).toBe(false);
    expect(isPlaceable(45, 181)).toBe(false);
  });

  it('normalizes compass directions', () => {
    expect(normalizeDirection(90)).toBe(90);
    expect(normalizeDirection(-90)).toBe(270);
    expect(normalizeDirection(720)).toBe(0);
    expect(normalizeDirection(null)).toBeNull();
    expect(normalizeDirection(undefined)).toBeNull();
    expect(normalizeDirection(Number.NaN)).toBeNull();
  });
});

describe('camera marker HTML', () => {
  it('escapes the label', () => {
    const html = markerHtml('<script>alert("x")</script> & <img src=x onerror=alert(1)>', 45);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });

  it('shows the label as text and an arrow only when the direction is known', () => {
    const withDirection = markerHtml('C1', 450);
    expect(withDirection).toContain('>C1</span>');
    expect(withDirection).toContain('rotate(90)');
    expect(withDirection).toContain('aria-hidden="true"');
    expect(markerHtml('C1', null)).not.toContain('rotate(');
    expect(markerHtml('C1')).not.toContain('vigie-camera-arrow');
  });

  it('draws the selected camera bigger', () => {
    expect(markerHtml('C1', null, true)).toContain('r="7"');
    expect(markerHtml('C1', null, false)).toContain('r="6"');
  });
});
