'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { FormField } from './form-field';
import { FormMessage } from './form-message';
import { fillTemplate, type ProviderFormSpec } from './provider-spec';
import { formValues, useSubmit } from './submit';

interface TestAnswer {
  ok: boolean;
  message: string;
  traceId?: string | null;
}

function bodyOf(provider: string, values: Record<string, string>) {
  const part = (prefix: string) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([key]) => key.startsWith(`${prefix}.`))
        .map(([key, value]) => [key.slice(prefix.length + 1), value]),
    );
  return { provider, label: values.label ?? '', baseUrl: values.baseUrl ?? '', settings: part('settings'), credentials: part('credentials') };
}

/** Add a connection: fields from the provider's declaration; Save is offered once a test with these values passed. */
export function ConnectionForm({ specs, onDone }: { specs: readonly ProviderFormSpec[]; onDone: () => void }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const selectId = useId();
  const [providerId, setProviderId] = useState(specs[0]?.id ?? '');
  const [settings, setSettings] = useState<Record<string, string>>({});
  const [tested, setTested] = useState<{ values: string; answer: TestAnswer } | null>(null);
  const submit = useSubmit();
  const spec = specs.find((s) => s.id === providerId);
  if (!spec) return null;

  const snapshot = () => JSON.stringify(formRef.current ? bodyOf(providerId, formValues(formRef.current)) : {});
  // Any edit after the test clears it (onInput), so a passed test is always for the values on screen.
  const testPassed = tested?.answer.ok === true;

  function onInput() {
    if (!formRef.current) return;
    setSettings(bodyOf(providerId, formValues(formRef.current)).settings);
    setTested((t) => (t && t.values !== snapshot() ? null : t));
  }

  async function test() {
    if (!formRef.current) return;
    const values = snapshot();
    setTested(null);
    const result = await submit.run<TestAnswer>('/api/settings/connections/test', 'POST', JSON.parse(values));
    if (result.ok && result.data) setTested({ values, answer: result.data });
  }

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!testPassed) return test();
    const result = await submit.run('/api/settings/connections', 'POST', JSON.parse(snapshot()));
    if (result.ok) {
      onDone();
      router.refresh();
    }
  }

  return (
    <form ref={formRef} className="stack settings-form" onSubmit={save} onInput={onInput} noValidate>
      <div className="field">
        <label htmlFor={selectId}>Provider</label>
        <select id={selectId} className="select" value={providerId} onChange={(e) => { setProviderId(e.target.value as typeof providerId); setTested(null); submit.setFields({}); }}>
          {specs.map((s) => (
            <option key={s.id} value={s.id}>{s.displayName}</option>
          ))}
        </select>
      </div>
      <FormField name="label" label="Label" help="How this account is named across Fundsight." error={submit.fields.label} required />
      {spec.settings.map((field) => (
        <FormField
          key={`${spec.id}-${field.key}`}
          name={`settings.${field.key}`}
          label={field.label}
          help={field.help}
          placeholder={field.placeholder}
          error={submit.fields[`settings.${field.key}`]}
          required
        />
      ))}
      {spec.credentials.map((field) => (
          <FormField
            key={`${spec.id}-${field.key}`}
            name={`credentials.${field.key}`}
            label={field.label}
            help={`${field.help} Stored encrypted; never shown again.`}
            type="password"
            autoComplete="off"
            error={submit.fields[`credentials.${field.key}`]}
            required
          />
        ))}
      <FormField
        key={`${spec.id}-baseUrl`}
        name="baseUrl"
        label="Base URL"
        type="url"
        help={spec.baseUrlHelp}
        placeholder={fillTemplate(spec.baseUrlTemplate, settings) || 'https://'}
        error={submit.fields.baseUrl}
        required={spec.baseUrlTemplate === null}
      />
      <FormMessage error={submit.message} />
      <div aria-live="polite" role="status">
        {tested ? (
          <p className={tested.answer.ok ? 'badge badge-success' : 'form-error'}>
            {tested.answer.message}
            {tested.answer.traceId ? ` Trace id: ${tested.answer.traceId}` : ''}
          </p>
        ) : null}
      </div>
      <div className="toolbar">
        <button type="button" className="btn" onClick={test} disabled={submit.pending}>
          {submit.pending ? <span className="spin" aria-hidden /> : null} Test connection
        </button>
        <button type="submit" className="btn btn-primary" disabled={submit.pending || !testPassed}>
          Save connection
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
      {!testPassed ? <p className="faint">Test the connection first: Save is offered once the provider accepted these values.</p> : null}
    </form>
  );
}
