import { ArtStyleSettingEntity } from './art-style.ts';
import { CalendarEntity, OccurrenceEntity } from './calendar.ts';
import { DisplayEntity } from './display.ts';
import { DisplayLogEntity } from './display-log.ts';
import { DisplayTelemetryEntity } from './display-telemetry.ts';
import { PanelImageEntity, DisplayPanelImageEntity } from './panel-image.ts';
import { ExecutionEntity, ExecutionLogEntity, JobEntity } from './job.ts';
import { PanelProfileEntity } from './panel-profile.ts';
import { PictureSourceItemEntity } from './picture-source-item.ts';
import { PhotoEntity, ShownVariantEntity, VariantEntity } from './photo.ts';
import { OverrideEntity, WeeklyRuleEntity } from './schedule.ts';
import { NodeEntity } from './node.ts';
import { MashupEntity, PlaylistEntity, ScreenEntity } from './screen.ts';
import { SettingEntity } from './setting.ts';
import { StatsSampleEntity } from './stats.ts';
import { WeatherCurrentEntity, WeatherDayEntity } from './weather.ts';

/** Every entity of the app; a feature adds its own entity file and one line here. */
export const ENTITIES = [
  SettingEntity,
  PanelProfileEntity,
  DisplayEntity,
  DisplayLogEntity,
  DisplayTelemetryEntity,
  WeeklyRuleEntity,
  OverrideEntity,
  PhotoEntity,
  VariantEntity,
  ShownVariantEntity,
  ArtStyleSettingEntity,
  PanelImageEntity,
  DisplayPanelImageEntity,
  JobEntity, ExecutionEntity, ExecutionLogEntity,
  WeatherCurrentEntity, WeatherDayEntity, CalendarEntity, OccurrenceEntity, StatsSampleEntity,
  ScreenEntity, MashupEntity, PlaylistEntity,
  PictureSourceItemEntity,
  NodeEntity,
];
