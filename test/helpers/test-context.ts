import type { DataSource } from 'typeorm';
import type { AppContext } from '../../main/core/app-context.ts';

/** The app context a test builds, with the DataSource beside it so the test can seed and inspect tables directly (main/ code never gets it). */
export type TestContext = AppContext & { db: DataSource };
