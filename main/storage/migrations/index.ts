import { Core1732400000000 } from './1732400000000-core.ts';
import { Jobs1732400001000 } from './1732400001000-jobs.ts';
import { WeatherCalendarStats1732400002000 } from './1732400002000-weather-calendar-stats.ts';
import { PhotoLibrary1732400003000 } from './1732400003000-photo-library.ts';
import { TrmnlDevices1732400012000 } from './1732400012000-trmnl-devices.ts';
import { CalendarFeedReport1732400014000 } from './1732400014000-calendar-feed-report.ts';
import { Screens1732400019000 } from './1732400019000-screens.ts';
import { PictureSources1732400020000 } from './1732400020000-picture-sources.ts';
import { FrameHealth1732400021000 } from './1732400021000-frame-health.ts';
import { ChangeNotifications1732400023000 } from './1732400023000-change-notifications.ts';
import { Nodes1732400024010 } from './1732400024010-nodes.ts';
import { PhotoAddedByUser1732400024200 } from './1732400024200-photo-added-by-user.ts';
import { ExecutionDueTime1732400025000 } from './1732400025000-execution-due-time.ts';
import { ChangeNotificationsPerTable1732400026000 } from './1732400026000-change-notifications-per-table.ts';
import { ChangeNotificationsPerDisplay1732400026100 } from './1732400026100-change-notifications-per-display.ts';

/** Every migration in order; a feature adds its own migration file and one line here. */
export const MIGRATIONS = [Core1732400000000, Jobs1732400001000, WeatherCalendarStats1732400002000, PhotoLibrary1732400003000, TrmnlDevices1732400012000, CalendarFeedReport1732400014000,
  Screens1732400019000, PictureSources1732400020000, FrameHealth1732400021000, ChangeNotifications1732400023000,
  Nodes1732400024010, PhotoAddedByUser1732400024200, ExecutionDueTime1732400025000,
  ChangeNotificationsPerTable1732400026000, ChangeNotificationsPerDisplay1732400026100];
