import { expect, it } from 'vitest';
import { concernsPage } from './noticeScope';

it('ties a warning to the pages of its table or dataset, at its version', () => {
  const table = 'demo_user.my_uploads:next.survey_responses';
  expect(concernsPage(table, 'demo_user.my_uploads:ab12:next.survey_responses:cd34')).toBe(true);
  expect(concernsPage('demo_user.my_uploads:next', table)).toBe(true);
  expect(concernsPage('demo_user.my_uploads:next', 'demo_user.my_uploads:next')).toBe(true);
  expect(concernsPage(table, 'demo.types_showcase:k9bp:v1_0.all_types:x1y2')).toBe(false);
  expect(concernsPage('demo_user.my_uploads:next', 'demo_user.my_uploads:ab12:v1_0')).toBe(false);
  expect(concernsPage(table, undefined)).toBe(false);
});
