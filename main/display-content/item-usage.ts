import type { DataSource } from 'typeorm';
import { DisplayEntity } from '../storage/entities/display.ts';
import { OverrideEntity, WeeklyRuleEntity } from '../storage/entities/schedule.ts';

/** The displays whose default mode, weekly rules or override name this screen, mashup or playlist. */
export function displaysNaming(db: DataSource) {
  return async (kind: 'screen' | 'mashup' | 'playlist', itemId: number): Promise<string[]> => {
    const ids = new Set<number>();
    for (const d of await db.getRepository(DisplayEntity).findBy({ defaultMode: kind, defaultItemId: itemId })) ids.add(d.id);
    for (const r of await db.getRepository(WeeklyRuleEntity).findBy({ mode: kind, itemId })) ids.add(r.displayId);
    for (const o of await db.getRepository(OverrideEntity).findBy({ mode: kind, itemId })) ids.add(o.displayId);
    const names: string[] = [];
    for (const id of ids) {
      const display = await db.getRepository(DisplayEntity).findOneBy({ id });
      if (display) names.push(`display "${display.name}"`);
    }
    return names;
  };
}
