'use client';

import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';

type Tone = 'info' | 'success' | 'danger';
/** A link the toast offers (a ready file's download). */
interface ToastAction {
  readonly label: string;
  readonly href: string;
}
interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: Tone;
  readonly action?: ToastAction;
}
type ShowToast = (message: string, tone?: Tone, action?: ToastAction) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

const SHOWN_MS = 6_000;

/** Short notes for actions that finish out of sight (an export ready, a copy that failed), read out politely. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (message: string, tone: Tone = 'info', action?: ToastAction) => {
      const id = (next.current += 1);
      setToasts((all) => [...all.slice(-2), { id, message, tone, action }]);
      // One with a link stays until dismissed: someone may still be on their way to it.
      if (!action) setTimeout(() => dismiss(id), SHOWN_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <span>{toast.message}</span>
            {toast.action && (
              <a className="btn btn-small" href={toast.action.href}>
                {toast.action.label}
              </a>
            )}
            <button type="button" className="btn btn-ghost btn-small" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
