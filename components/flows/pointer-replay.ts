/**
 * The first pointer (or tap) over the bar chart wakes it, and its interactive drawing arrives a moment later
 * under a pointer that has not moved: left alone, its tooltip would wait for the next move. The figure keeps
 * the spot the pointer was last seen at, relative to the chart's box, and shows the new drawing that spot once.
 */

export type PointerSpot = { readonly x: number; readonly y: number };

type Box = Pick<DOMRectReadOnly, 'left' | 'top' | 'width' | 'height'>;

/** The point relative to the box's top left corner, or null when it is outside the box (the legend, say). */
export function spotIn(box: Box, clientX: number, clientY: number): PointerSpot | null {
  const x = clientX - box.left;
  const y = clientY - box.top;
  return x >= 0 && y >= 0 && x <= box.width && y <= box.height ? { x, y } : null;
}

/** What a replay needs from the browser: the page's window, or a stand-in in unit tests. */
export interface ReplayView {
  readonly document: Pick<Document, 'elementFromPoint'>;
  readonly MouseEvent: typeof MouseEvent;
}

/**
 * Sends one mousemove at the spot (measured against the box as it is now, so a scroll in between does not
 * misplace it) to the element under it, as the browser would have on the next move. Nothing happens when that
 * element is not inside the box (something covers the chart, or the spot has scrolled out of the viewport).
 * Returns whether it sent the move.
 */
export function replayPointer(spot: PointerSpot, box: Element, view: ReplayView = window): boolean {
  const rect = box.getBoundingClientRect();
  if (spot.x > rect.width || spot.y > rect.height) return false;
  const clientX = rect.left + spot.x;
  const clientY = rect.top + spot.y;
  const target = view.document.elementFromPoint(clientX, clientY);
  if (!target || !box.contains(target)) return false;
  target.dispatchEvent(new view.MouseEvent('mousemove', { bubbles: true, cancelable: true, composed: true, clientX, clientY }));
  return true;
}
