import { type FormValidateInput, useForm } from '@mantine/form';
import type { MutationResult, Succeeded } from '@seminarhub/sdk';
import { useRef, useState } from 'react';

type AnyResult = MutationResult<{
  userErrors: readonly { field?: readonly string[] | null; message: string; code: string }[];
}>;

export interface MutationFormOptions<Values extends Record<string, unknown>, Result extends AnyResult> {
  initialValues: Values;
  validate?: FormValidateInput<Values>;
  /** The version the form was read at, for updates; the API refuses a stale one with CONFLICT. */
  version?: number;
  /** Sends the mutation with the form's values and the version it was read at. */
  mutate(values: Values, version: number | undefined): Promise<Result>;
  onSuccess?(result: Succeeded<Result>, values: Values): void;
  /** Reads the record again, for the way out of a version conflict. */
  reload?(): Promise<{ values: Values; version: number }>;
  /** API input names that differ from the form's paths, such as `{ hostOrganizationId: 'host' }`. */
  fieldPaths?: Record<string, string>;
}

/**
 * A Mantine form whose submit sends one SeminarHub mutation and puts its userErrors where they belong: on
 * the field the API names (`["input", "title"]` → the title input), the rest above the form. A stale version
 * (someone saved since this form was read) is kept apart, so the form can offer to reload their version or
 * reapply these edits on top of it.
 */
export function useMutationForm<Values extends Record<string, unknown>, Result extends AnyResult>(
  options: MutationFormOptions<Values, Result>,
) {
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: options.validate,
  });
  const version = useRef(options.version);
  const [submitting, setSubmitting] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const latest = useRef(options);
  latest.current = options;

  async function send(values: Values) {
    setSubmitting(true);
    setFormErrors([]);
    try {
      const result = await latest.current.mutate(values, version.current);
      if (result.ok) {
        form.setInitialValues(values);
        form.resetDirty(values);
        latest.current.onSuccess?.(result as Succeeded<Result>, values);
        return;
      }
      const general: string[] = [];
      for (const error of result.userErrors) {
        if (isStale(error)) {
          setConflict(true);
          continue;
        }
        const path = fieldPath(error.field, latest.current.fieldPaths, form.getValues());
        if (path) form.setFieldError(path, error.message);
        else general.push(error.message);
      }
      setFormErrors(general);
    } catch (error) {
      // Network failures and refusals the SDK throws: say so above the form, keep what was typed.
      setFormErrors([error instanceof Error ? error.message : String(error)]);
    } finally {
      setSubmitting(false);
    }
  }

  async function fresh() {
    const reload = latest.current.reload;
    if (!reload) throw new Error('This form cannot reload its record.');
    const current = await reload();
    version.current = current.version;
    setConflict(false);
    return current;
  }

  return {
    form,
    submitting,
    /** Messages not about one field, shown above the form. */
    formErrors,
    /** True after the API refused a stale version. */
    conflict,
    /** The `<form onSubmit>` handler: validates here first, then sends. */
    onSubmit: form.onSubmit((values) => send(values)),
    /** Replaces the edits with the version someone else saved. */
    async reloadTheirs() {
      const current = await fresh();
      form.setInitialValues(current.values);
      form.setValues(current.values);
      form.resetDirty(current.values);
      form.clearErrors();
    },
    /** Saves these edits again over the version someone else saved. */
    async reapplyMine() {
      await fresh();
      await send(form.getValues());
    },
  };
}

/**
 * A stale version: CONFLICT about the version read (or about no field). A CONFLICT about another field is that
 * field's value clashing with another record's ("Another programme has this code."), so it belongs on that field.
 */
function isStale(error: { field?: readonly string[] | null; code: string }) {
  if (error.code !== 'CONFLICT') return false;
  const name = error.field?.at(-1);
  return !name || name === 'version';
}

/**
 * `["input", "title"]` → `title`, or the form path the caller maps it to; deeper paths go as deep as the form's
 * values do (`["input", "scores", "0"]` → `scores.0` when the form holds a list of scores, else `scores`).
 * Null when the form has no such field, so the message is shown above the form.
 */
function fieldPath(
  field: readonly string[] | null | undefined,
  paths: Record<string, string> = {},
  values: Record<string, unknown> = {},
) {
  const parts = field?.[0] === 'input' ? field.slice(1) : (field ?? []);
  const name = parts[0] && (paths[parts[0]] ?? parts[0]);
  if (!name || !(name in values)) return null;
  let path = name;
  let value: unknown = values[name];
  for (const part of parts.slice(1)) {
    if (value === null || typeof value !== 'object' || !(part in value)) break;
    value = (value as Record<string, unknown>)[part];
    path = `${path}.${part}`;
  }
  return path;
}
