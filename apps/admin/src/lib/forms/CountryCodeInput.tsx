import { TextInput, type TextInputProps } from '@mantine/core';

/** An ISO 3166-1 alpha-2 country code, typed in capitals whatever the keyboard sends. */
export function CountryCodeInput({
  onValue,
  ...props
}: Omit<TextInputProps, 'onChange'> & { onValue(code: string): void }) {
  return (
    <TextInput
      label="Country"
      description="ISO code, such as UZ"
      required
      maxLength={2}
      {...props}
      onChange={(event) => onValue(event.currentTarget.value.toUpperCase())}
    />
  );
}
