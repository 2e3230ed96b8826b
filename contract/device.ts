import { z } from 'zod';

/**
 * The native device protocol (DESIGN.md §3) as types: what an Inkstand frame sends and what the
 * server answers. The server validates requests with these schemas and builds its answers to these
 * types; golden samples of each shape live in test/fixtures/device-protocol/, read by the
 * TypeScript tests and by the frame program's Python tests, so neither side can drift alone.
 */

/** `EINK_DISCOVER` over UDP is answered with this JSON; `fingerprint` is `sha256:` + hex of the server certificate, pinned on first contact. */
export const discoveryReplySchema = z.object({
  bootstrap: z.string(),
  bootstrap_http: z.string(),
  fingerprint: z.string(),
  server: z.literal('inkstand'),
  version: z.string(),
  name: z.string(),
}).strict();
export type DiscoveryReply = z.infer<typeof discoveryReplySchema>;

/** `POST /api/display/bootstrap` */
export const bootstrapRequestSchema = z.object({
  hardware_id: z.string().trim().min(1).max(128).regex(/^[\w:.-]+$/, 'letters, digits and : . - _ only')
    .refine((id) => !id.startsWith('trmnl:'), 'the "trmnl:" prefix belongs to TRMNL devices (they pair through /api/setup or /api/display)'),
  horizontal_pixels: z.number().int().min(16).max(10_000),
  vertical_pixels: z.number().int().min(16).max(10_000),
  /** A panel profile id; without it the server picks one by resolution. */
  panel: z.string().max(64).optional(),
  firmware: z.string().max(64).optional(),
});
export type BootstrapRequest = z.input<typeof bootstrapRequestSchema>;

/** 202: the frame waits for approval, showing `image_url` (its pairing picture) and asking again after `retry_after_s`. */
export const bootstrapPendingSchema = z.object({
  human_readable_id: z.string(),
  status: z.literal('pending'),
  pairing_code: z.string().regex(/^\d{6}$/),
  retry_after_s: z.number().positive(),
  image_url: z.string(),
}).strict();
export type BootstrapPending = z.infer<typeof bootstrapPendingSchema>;

/** 200: approved; `token_key` is handed out this once and goes in `Authorization: Token <key>`. */
export const bootstrapApprovedSchema = z.object({
  human_readable_id: z.string(),
  token_key: z.string().min(1),
  mode: z.string(),
  state_url: z.string(),
  image_base_url: z.string(),
}).strict();
export type BootstrapApproved = z.infer<typeof bootstrapApprovedSchema>;

const isoTime = z.string().datetime();

/**
 * `GET /api/display/state` (ETag, `If-None-Match`, `?wait=` seconds for a long-poll); also the
 * answer to a button press. `version` changes exactly when the picture changes; `palette` is the
 * panel's colours as #rrggbb in palette-index order.
 */
export const deviceStateSchema = z.object({
  display_id: z.string(),
  mode: z.string(),
  /** The screen on the panel (screen mode, or a screen in a playlist), else null (DESIGN.md §12). */
  screen: z.number().int().positive().nullable(),
  version: z.string().min(1),
  image_url: z.string(),
  poll_interval_s: z.number().positive(),
  next_change_at: isoTime.nullable(),
  override: z.object({ mode: z.string(), until: isoTime }).strict().nullable(),
  profile: z.string(),
  palette: z.array(z.string().regex(/^#[0-9a-f]{6}$/)),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
}).strict();
export type DeviceState = z.infer<typeof deviceStateSchema>;

/** `POST /api/display/button` */
export const buttonRequestSchema = z.object({
  button: z.string(),
  action: z.enum(['press', 'long']).optional(),
});
export type ButtonRequest = z.input<typeof buttonRequestSchema>;

/** Every refusal: a sentence for people, a code for programs, sometimes more (e.g. the current `version`). */
export const deviceErrorSchema = z.object({ detail: z.string(), code: z.string() }).passthrough();
export type DeviceError = z.infer<typeof deviceErrorSchema>;

/** The codes a frame acts on: `invalid_token` means pair again; `unknown_version` means fetch the state again. */
export const DEVICE_ERROR_CODES = ['not_authenticated', 'invalid_token', 'unknown_version', 'invalid_request', 'unknown_panel', 'rate_limited', 'too_many_pending', 'not_pending', 'invalid_wait', 'unknown_button'] as const;
