/** Counted afresh whenever the dashboard opens: it is where staff look to see what changed. */
export const fresh = { staleTime: 0 } as const;
