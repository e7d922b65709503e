import { createTheme } from '@mantine/core';

// One place for the look: Mantine's defaults with the system font stack and a calm primary colour.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});
