import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../lib/session.tsx';

/** Sign-in with email and password; a refusal is the API's own message, read out to screen readers. */
export function SignInPage() {
  const { client, signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await client.auth.login({
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      if (!result.ok || !result.token) {
        setError(result.ok ? 'Signing in failed.' : result.userErrors[0].message);
        requestAnimationFrame(() => errorRef.current?.focus());
        return;
      }
      signIn(result.token);
      navigate('/', { replace: true });
    } catch {
      setError('The server could not be reached. Try again in a moment.');
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setPending(false);
    }
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w={380} maw="100%">
        <form onSubmit={submit} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
          <Stack gap="md">
            <div>
              <Title order={1} size="h3">
                SeminarHub
              </Title>
              <Text c="dimmed" size="sm">
                Sign in to run your seminars.
              </Text>
            </div>
            {error && (
              <Alert id="sign-in-error" ref={errorRef} tabIndex={-1} color="red" role="alert" title="Not signed in">
                {error}
              </Alert>
            )}
            <TextInput
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              error={Boolean(error)}
            />
            <PasswordInput
              label="Password"
              name="password"
              autoComplete="current-password"
              required
              error={Boolean(error)}
            />
            <Button type="submit" loading={pending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
