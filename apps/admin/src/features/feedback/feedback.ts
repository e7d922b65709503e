import type { EnrollmentsListQuery, SessionFieldsFragment } from '@seminarhub/sdk';

type Enrollment = EnrollmentsListQuery['enrollments']['nodes'][number];

/** One rating the API lists to this viewer, with who gave it unless it was given anonymously. */
export interface Rating {
  id: string;
  rating: number;
  comment: string | null;
  /** The participant's name; null for anonymous feedback (listed only to its own author). */
  by: string | null;
}

/** What the API says of one session (or of the seminar as a whole), and the ratings it lists. */
export interface FeedbackFigures {
  key: string;
  title: string;
  /** The API's mean over every rating, anonymous ones included. */
  averageRating: number | null;
  /** The API's count of every rating, anonymous ones included. */
  feedbackCount: number;
  /** The ratings listed to the viewer: staff do not see anonymous feedback one by one. */
  ratings: Rating[];
  /** How many ratings of each value (1 to 5) are among those listed. */
  distribution: [number, number, number, number, number];
}

/**
 * Groups the feedback of a seminar's enrollments by session (the seminar itself under `null`) next to the
 * API's own figures per session. The figures (mean, count) are the API's; the distribution and comments can
 * only be of the ratings it lists, which for staff leaves out anonymous feedback.
 */
export function feedbackFigures(
  seminar: { averageRating?: number | null; feedbackCount: number },
  sessions: readonly Pick<SessionFieldsFragment, 'id' | 'title' | 'averageRating' | 'feedbackCount'>[],
  enrollments: readonly Enrollment[],
): { seminar: FeedbackFigures; sessions: FeedbackFigures[] } {
  const bySession = new Map<string | null, Rating[]>();
  for (const enrollment of enrollments) {
    for (const feedback of enrollment.feedback) {
      const key = feedback.session?.id ?? null;
      const list = bySession.get(key) ?? [];
      list.push({
        id: feedback.id,
        rating: feedback.rating,
        comment: feedback.comment ?? null,
        by: feedback.anonymous ? null : enrollment.person.fullName,
      });
      bySession.set(key, list);
    }
  }
  const figures = (
    key: string | null,
    title: string,
    averageRating: number | null | undefined,
    feedbackCount: number,
  ): FeedbackFigures => {
    const ratings = bySession.get(key) ?? [];
    const distribution: FeedbackFigures['distribution'] = [0, 0, 0, 0, 0];
    for (const { rating } of ratings) if (rating >= 1 && rating <= 5) distribution[rating - 1]! += 1;
    return { key: key ?? 'seminar', title, averageRating: averageRating ?? null, feedbackCount, ratings, distribution };
  };
  return {
    seminar: figures(null, 'The seminar as a whole', seminar.averageRating, seminar.feedbackCount),
    sessions: sessions.map((s) => figures(s.id, s.title, s.averageRating, s.feedbackCount)),
  };
}
