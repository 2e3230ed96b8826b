/** Panel profiles: the public entry for everything about what a display can show. */
export { bitDepthFor, type PanelProfile, type Rgb } from './panel-profile.ts';
export { BUILTIN_PROFILES, defaultProfileForResolution, findBuiltinProfile } from './builtin-profiles.ts';
export { validateCustomProfile } from './custom-profile.ts';
