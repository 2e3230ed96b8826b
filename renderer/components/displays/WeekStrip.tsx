import type { WeeklyRuleInput } from '../../../contract/admin.ts';
import { describe } from '../../lib/schedule.ts';
import { modeLabel, WEEKDAYS } from '../../lib/options.ts';

const DAY = 1440;

/** Seven bars, one per day, coloured by what the display shows when. */
export function WeekStrip({ rules, defaultMode }: { rules: WeeklyRuleInput[]; defaultMode: string }) {
  return (
    <div className="week-strip" aria-hidden="true">
      {WEEKDAYS.map((name, day) => (
        <div key={name} className="week-row">
          <span className="small muted">{name.slice(0, 3)}</span>
          <div className={`week-bar mode-${defaultMode}`}>
            {rules.filter((r) => r.weekday === day).map((r) => (
              <span
                key={r.startMinute}
                className={`week-slot mode-${r.mode}`}
                style={{ left: `${(r.startMinute / DAY) * 100}%`, width: `${((r.endMinute - r.startMinute) / DAY) * 100}%` }}
                title={`${describe(r)} ${modeLabel(r.mode)}`}
              />
            ))}
          </div>
        </div>
      ))}
      <div className="week-row">
        <span />
        <div className="week-scale small muted"><span>0</span><span>6</span><span>12</span><span>18</span><span>24</span></div>
      </div>
    </div>
  );
}
