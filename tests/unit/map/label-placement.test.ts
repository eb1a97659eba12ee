import { describe, expect, it } from 'vitest';
import { metresPerPixel, namesInView, type ScreenName } from '../../../src/lib/map/label-placement';

describe('metresPerPixel', () => {
  it.each([
    // Web Mercator at zoom 0: the equator of the mean-radius sphere (2π × 6 371 008,8 m) over
    // 512 px.
    ['the equator at zoom 0', 0, 0, 78_184.041],
    ['one zoom level halves it', 0, 1, 39_092.02],
    // cos 60° = 0,5.
    ['at 60° north, half the equator’s', 60, 0, 39_092.02],
    ['Grenoble at zoom 10', 45.19, 10, 53.809]
  ] as const)('%s', (_name, lat, zoom, metres) => {
    expect(metresPerPixel(lat, zoom)).toBeCloseTo(metres, 2);
  });
});

describe('namesInView', () => {
  const name = (code: string, x: number, y: number, radiusM: number): ScreenName => ({
    code,
    text: code,
    x,
    y,
    point: { lngLat: [5.72, 45.19], radiusM },
    priority: radiusM
  });
  const view = { width: 400, height: 300, zoom: 10 };
  it('keeps the names anchored in view, edges included', () => {
    const codes = namesInView(
      [
        name('in', 10, 10, 1),
        name('edge', 400, 300, 1),
        name('left', -1, 10, 1),
        name('below', 5, 301, 1)
      ],
      view
    ).map((n) => n.code);
    expect(codes).toEqual(['in', 'edge']);
  });
  it('gives the inscribed radius in px at the view’s zoom', () => {
    const [n] = namesInView([name('a', 10, 10, 1000)], view);
    expect(n?.radius).toBeCloseTo(1000 / metresPerPixel(45.19, 10), 6);
    const [closer] = namesInView([name('a', 10, 10, 1000)], { ...view, zoom: 11 });
    expect(closer?.radius).toBeCloseTo(2 * (n?.radius ?? 0), 6);
  });
  it('keeps the name alone as the short text when the text adds a count', () => {
    const [counted, plain] = namesInView(
      [
        { ...name('a', 1, 1, 0), text: 'Vif (12)', shortText: 'Vif' },
        { ...name('b', 2, 2, 0), text: 'Vif', shortText: 'Vif' }
      ],
      view
    );
    expect(counted).toMatchObject({ text: 'Vif (12)', shortText: 'Vif' });
    expect(plain).not.toHaveProperty('shortText');
  });
  it('an unknown radius is 0 (the smaller type)', () => {
    expect(namesInView([name('a', 1, 1, 0)], view)[0]?.radius).toBe(0);
  });
});
