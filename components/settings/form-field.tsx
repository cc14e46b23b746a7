'use client';

import { useId } from 'react';

export interface FormFieldProps {
  readonly name: string;
  readonly label: string;
  readonly help?: string;
  readonly error?: string;
  readonly type?: 'text' | 'password' | 'email' | 'url';
  readonly defaultValue?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly autoComplete?: string;
  readonly list?: string;
}

/** A labelled input whose help and error are tied to it (aria-describedby) and whose error is announced. */
export function FormField({ name, label, help, error, type = 'text', ...rest }: FormFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        spellCheck={false}
        {...rest}
      />
      {help ? (
        <span id={helpId} className="faint">
          {help}
        </span>
      ) : null}
      <span id={errorId} className="field-error" aria-live="polite">
        {error ?? ''}
      </span>
    </div>
  );
}
