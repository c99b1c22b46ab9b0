import { Type } from 'typebox';
import { ErrorResponse } from '../errors.js';
import { NpsReport, SurveyCommentsPage, SurveyCommentsQuery, SurveyReportQuery, SurveySettings } from '../survey.js';
import { defineRoute } from './define-route.js';

const tags = ['surveys'];
const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** The end-of-session survey for staff: NPS report, comments, CSV export, settings. Answers come from kiosks over the socket. */
export const surveyRoutes = {
  report: defineRoute({ method: 'GET', path: '/api/v1/surveys/report', tags, security, querystring: SurveyReportQuery, response: { 200: NpsReport, ...errors } }),
  comments: defineRoute({ method: 'GET', path: '/api/v1/surveys/comments', tags, security, querystring: SurveyCommentsQuery, response: { 200: SurveyCommentsPage, ...errors } }),
  /** Every answer (streamed, oldest first); cells that a spreadsheet would run as a formula are defused. */
  exportCsv: defineRoute({
    method: 'GET', path: '/api/v1/surveys/export.csv', tags, security,
    response: { 200: Type.String({ description: 'text/csv' }), ...errors },
  }),
  settings: defineRoute({ method: 'GET', path: '/api/v1/surveys/settings', tags, security, response: { 200: SurveySettings, ...errors } }),
  saveSettings: defineRoute({ method: 'PUT', path: '/api/v1/surveys/settings', tags, security, body: SurveySettings, response: { 200: SurveySettings, ...errors } }),
};
