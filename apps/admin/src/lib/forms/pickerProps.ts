import type { UseFormReturnType } from '@mantine/form';

/** Binds a picker (an ID chosen by search) to a form field: its value, its error and its change. */
export function pickerProps<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  path: keyof Values & string,
) {
  return {
    value: (form.getValues()[path] as string | null) ?? null,
    error: form.errors[path],
    // The path names an ID field; Mantine's path types cannot see that through a generic key.
    onChange: (value: string | null) => form.setFieldValue(path, value as never),
  };
}
