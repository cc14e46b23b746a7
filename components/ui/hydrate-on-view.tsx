'use client';

import { Suspense, use, useEffect, useRef, useState, useSyncExternalStore } from 'react';

/**
 * A gate React waits on while it hydrates a section: pending until the section scrolls into view or the
 * person interacts with the page. Its status is set at once on opening, so React can hydrate the section
 * synchronously inside the very event that opened it (its selective hydration), and the event still lands.
 */
interface Gate extends PromiseLike<void> {
  status: 'pending' | 'fulfilled';
  value: undefined;
  open: () => void;
}

function createGate(): Gate {
  const waiting: Array<() => void> = [];
  const gate: Gate = {
    status: 'pending',
    value: undefined,
    then(onFulfilled) {
      if (gate.status === 'fulfilled') onFulfilled?.(undefined);
      else waiting.push(() => onFulfilled?.(undefined));
      return gate as never;
    },
    open() {
      if (gate.status === 'fulfilled') return;
      gate.status = 'fulfilled';
      openGates.delete(gate);
      for (const wake of waiting.splice(0)) wake();
    },
  };
  return gate;
}

// Any pointer, key, focus or input anywhere opens every gate first (capture on window runs before React's
// listeners on the document), so no event ever reaches a section that is not hydrated yet.
const openGates = new Set<Gate>();
const INTERACTIONS = ['pointerdown', 'touchstart', 'mousedown', 'keydown', 'focusin', 'input', 'change', 'click'] as const;
let listening = false;
function openAll() {
  for (const gate of [...openGates]) gate.open();
}
function listenForInteraction() {
  if (listening) return;
  listening = true;
  for (const type of INTERACTIONS) window.addEventListener(type, openAll, { capture: true, passive: true });
}

// Gates whose wrapper has committed: a render after that is an update from above.
const committedGates = new WeakSet<Gate>();
const subscribeNothing = () => () => {};

/** Suspends only while the page hydrates and the gate is shut; a section rendered later renders at once. */
function GateKeeper({ gate, children }: { gate: Gate; children: React.ReactNode }) {
  const hydrating = useSyncExternalStore(
    subscribeNothing,
    () => false,
    () => true,
  );
  // The server renders the section as it is; only the browser's hydration waits.
  if (hydrating && typeof window !== 'undefined' && gate.status !== 'fulfilled') use(gate);
  return children;
}

/**
 * Server-rendered content whose hydration waits until it is in view or the page is used: until then the
 * first HTML stays as it is (readable, no layout change), and its code and rendering stay off the main
 * thread while the page starts. For sections below the first screen.
 */
export function HydrateOnView({ children, className }: { children: React.ReactNode; className?: string }) {
  const [gate] = useState(createGate);
  const box = useRef<HTMLDivElement>(null);
  // An update from above before the section hydrated: open first, so React hydrates it with the update
  // instead of replacing the server's HTML with the (empty) fallback.
  if (committedGates.has(gate)) gate.open();

  useEffect(() => {
    committedGates.add(gate);
    if (gate.status === 'fulfilled') return;
    openGates.add(gate);
    listenForInteraction();
    const element = box.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      gate.open();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        gate.open();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [gate]);

  return (
    <div ref={box} className={className}>
      <Suspense fallback={null}>
        <GateKeeper gate={gate}>{children}</GateKeeper>
      </Suspense>
    </div>
  );
}
