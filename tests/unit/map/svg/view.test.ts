import { describe, expect, it } from 'vitest';
import { frameViewBox, scaleBar, toPx } from '../../../../src/lib/map/svg/view';

describe('frameViewBox', () => {
  it('centres a tall box in a wide container and keeps the container aspect', () => {
    const { viewBox, pxPerUnit } = frameViewBox([0, 0, 100, 200], 400, 200, undefined, 0);
    expect(pxPerUnit).toBe(1);
    expect(viewBox).toEqual([-150, 0, 400, 200]);
  });
  it('keeps the box inside the padded area', () => {
    const pad = { top: 10, right: 10, bottom: 10, left: 200 };
    const { viewBox, pxPerUnit } = frameViewBox([0, 0, 100, 100], 500, 300, pad, 0);
    const tl = toPx(viewBox, pxPerUnit, [0, 0]);
    const br = toPx(viewBox, pxPerUnit, [100, 100]);
    expect(tl.x).toBeGreaterThanOrEqual(200 - 1e-9);
    expect(br.x).toBeLessThanOrEqual(490 + 1e-9);
    expect(tl.y).toBeCloseTo(10);
    expect(br.y).toBeCloseTo(290);
  });
});

describe('scaleBar', () => {
  it.each([
    // m/u, px/u, maxPx → metres, label
    [25, 0.4, 120, 5000, '5 km'],
    [25, 1, 120, 2000, '2 km'],
    [25, 4, 120, 500, '500 m'],
    [10, 1, 100, 1000, '1 km']
  ])('%d m/u at %d px/u, max %d px → %d m', (mpu, ppu, max, metres, label) => {
    const bar = scaleBar(mpu, ppu, max);
    expect(bar.metres).toBe(metres);
    expect(bar.label).toBe(label);
    expect(bar.px).toBeLessThanOrEqual(max);
    expect(bar.px).toBeCloseTo((metres / mpu) * ppu);
  });
});
