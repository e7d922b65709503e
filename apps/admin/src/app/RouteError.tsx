import { Alert, Anchor, Container, Text } from '@mantine/core';
import { Link as RouterLink, useRouteError } from 'react-router';

/** A page that failed to render: said plainly, with a way back, instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title="This page could not be shown" role="alert">
        <Text size="sm" mb="sm">
          {error instanceof Error ? error.message : 'An unexpected error occurred.'}
        </Text>
        <Anchor component={RouterLink} to="/" size="sm" reloadDocument>
          Back to the dashboard
        </Anchor>
      </Alert>
    </Container>
  );
}
