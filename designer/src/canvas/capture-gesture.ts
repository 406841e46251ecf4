/**
 * Pointer capture for canvas gestures. While the mouse button is held on the pane (panning) or on
 * a node (dragging), Chromium hit-tests the whole canvas on every mouse move to find what is under
 * the pointer — with 2,000 nodes that was 5–20 ms a frame in the designer benchmark. Capturing the
 * pointer on the element the gesture started on skips those hit tests; React Flow's pan and drag
 * listen on the window and see the same events. Handles (new connections look for the handle under
 * the pointer), the minimap and the controls are left alone.
 */
import type { PointerEvent } from 'react';

const SKIP = '.react-flow__handle, .react-flow__minimap, .react-flow__controls, .react-flow__edge';

export function captureGesture(e: PointerEvent): void {
  if (e.button !== 0 || e.pointerType !== 'mouse') return;
  const target = e.target as Element;
  if (target.closest(SKIP)) return;
  const el = target.classList.contains('react-flow__pane') ? target : target.closest('.react-flow__node');
  if (el && !el.classList.contains('react-flow__node-stageBand')) el.setPointerCapture(e.pointerId);
}
