import { EntitySchema } from 'typeorm';

export interface Setting {
  key: string;
  value: string;
}

export const SettingEntity = new EntitySchema<Setting>({
  name: 'Setting',
  tableName: 'settings',
  columns: {
    key: { type: 'varchar', length: 128, primary: true },
    value: { type: 'text' },
  },
});
