import { describe, expect, it } from 'vitest';
import { replayPointer, spotIn, type ReplayView } from '@/components/flows/pointer-replay';

/** A stand-in for an element: a box on the page and the elements it holds. */
class FakeElement extends EventTarget {
  constructor(
    readonly rect: { left: number; top: number; width: number; height: number },
    readonly children: FakeElement[] = [],
  ) {
    super();
  }
  getBoundingClientRect() {
    return this.rect;
  }
  contains(other: unknown): boolean {
    return other === this || this.children.some((child) => child.contains(other));
  }
}

class FakeMouseEvent extends Event {
  readonly clientX: number;
  readonly clientY: number;
  constructor(type: string, init: MouseEventInit) {
    super(type, init);
    this.clientX = init.clientX ?? 0;
    this.clientY = init.clientY ?? 0;
  }
}

/** A page where `under` answers which element is at a point, and every event an element receives is logged. */
function page(under: (x: number, y: number) => FakeElement | null) {
  const view = { document: { elementFromPoint: under }, MouseEvent: FakeMouseEvent } as unknown as ReplayView;
  const received: { target: EventTarget | null; type: string; x: number; y: number; bubbles: boolean }[] = [];
  const listen = (element: FakeElement) =>
    element.addEventListener('mousemove', (event) => {
      const move = event as FakeMouseEvent;
      received.push({ target: event.target, type: event.type, x: move.clientX, y: move.clientY, bubbles: event.bubbles });
    });
  return { view, received, listen };
}

describe('the first pointer spot, replayed to the drawing that loads under it', () => {
  it('keeps where the pointer is relative to the chart, and nothing when it is outside (over the legend)', () => {
    const box = { left: 100, top: 400, width: 800, height: 320 };
    expect(spotIn(box, 160, 450)).toEqual({ x: 60, y: 50 });
    expect(spotIn(box, 900, 720)).toEqual({ x: 800, y: 320 });
    expect(spotIn(box, 160, 380)).toBeNull();
    expect(spotIn(box, 901, 450)).toBeNull();
  });

  it('sends one mousemove, bubbling, to the bar under the spot, at the spot measured against the box as it is now', () => {
    const bar = new FakeElement({ left: 150, top: 300, width: 20, height: 80 });
    // The page scrolled by 100 px since the pointer was seen: the box moved up, and the spot with it.
    const box = new FakeElement({ left: 100, top: 300, width: 800, height: 320 }, [bar]);
    const asked: [number, number][] = [];
    const { view, received, listen } = page((x, y) => {
      asked.push([x, y]);
      return bar;
    });
    listen(bar);
    expect(replayPointer({ x: 60, y: 50 }, box as unknown as Element, view)).toBe(true);
    expect(asked).toEqual([[160, 350]]);
    expect(received).toEqual([{ target: bar, type: 'mousemove', x: 160, y: 350, bubbles: true }]);
  });

  it('sends nothing when something else covers the spot or the box has shrunk past it', () => {
    const box = new FakeElement({ left: 0, top: 0, width: 800, height: 320 });
    const cover = new FakeElement({ left: 0, top: 0, width: 1000, height: 1000 });
    const { view, received, listen } = page(() => cover);
    listen(cover);
    listen(box);
    expect(replayPointer({ x: 60, y: 50 }, box as unknown as Element, view)).toBe(false);
    expect(replayPointer({ x: 60, y: 50 }, box as unknown as Element, page(() => null).view)).toBe(false);
    const narrow = new FakeElement({ left: 0, top: 0, width: 40, height: 320 });
    expect(replayPointer({ x: 60, y: 50 }, narrow as unknown as Element, page(() => narrow).view)).toBe(false);
    expect(received).toEqual([]);
  });
});
