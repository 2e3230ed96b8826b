import express from 'express';
import { z } from 'zod';
import type { IntegrationKeyStore } from '../integrations/integration-key-store.ts';
import type { DisplayActions } from '../display-content/display-actions.ts';
import type { DisplayState } from '../display-content/display-state.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import type { Display } from '../storage/entities/display.ts';
import { displayByRef } from './display-ref.ts';
import { HttpError } from './errors.ts';
import { requireIntegrationKey } from './integration-auth.ts';

export interface IntegrationControlDeps {
  displays: Pick<DisplayStore, 'byRef' | 'approved'>;
  keys: IntegrationKeyStore;
  actions: Pick<DisplayActions, 'perform' | 'showMessage'>;
}

const WEEK_MINUTES = 7 * 24 * 60;
/** Home Assistant's rest_command renders templates to text: numbers may come as "30". */
const minutes = z.coerce.number().int().min(1).max(WEEK_MINUTES);

const actionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('message'), text: z.string().trim().min(1).max(500), minutes: minutes.optional() }),
  z.strictObject({ action: z.literal('override'), mode: z.enum(['photo', 'dashboard', 'message', 'sleep']), minutes }),
  z.strictObject({ action: z.enum(['next', 'previous', 'refresh', 'schedule']) }),
]);

/**
 * What an integration with the control key may do to a display (a Home Assistant `rest_command`,
 * a script): `POST /api/displays/:id/actions` with `{"action": "message", "text", "minutes"?}`,
 * `{"action": "override", "mode", "minutes"}`, or `{"action": "next"|"previous"|"refresh"|"schedule"}`.
 * `:id` is a display's id or human id, or `all` for every approved display. The read-only key gets 403.
 */
export function integrationControlRoutes(deps: IntegrationControlDeps): express.Router {
  const router = express.Router();
  router.post('/displays/:id/actions', requireIntegrationKey(deps.keys, 'control'), express.json({ limit: '16kb' }), async (req, res) => {
    const body = actionBody.parse(req.body ?? {});
    const targets = req.params.id === 'all'
      ? await deps.displays.approved()
      : [await displayByRef(deps.displays, req.params.id)];
    for (const display of targets) if (display.status !== 'approved') throw new HttpError(409, 'not_approved', `${display.humanId} is ${display.status}, not approved`);
    const states: DisplayState[] = [];
    for (const display of targets) states.push(await apply(deps.actions, display, body));
    res.json({ data: states.map((s) => ({ id: s.displayId, friendly_id: s.humanId, mode: s.mode, version: s.version, override: s.override && { mode: s.override.mode, until: s.override.until.toISOString() } })) });
  });
  return router;
}

function apply(actions: IntegrationControlDeps['actions'], display: Display, body: z.infer<typeof actionBody>): Promise<DisplayState> {
  switch (body.action) {
    case 'message':
      return actions.showMessage(display.id, body.text, body.minutes ?? 60);
    case 'override':
      return actions.perform(display, { action: 'override', mode: body.mode, minutes: body.minutes });
    default:
      return actions.perform(display, { action: body.action });
  }
}
