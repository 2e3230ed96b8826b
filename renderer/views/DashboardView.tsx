import { ViewHeader } from '../components/common/ViewHeader.tsx';
import { CalendarList } from '../components/dashboard/CalendarList.tsx';
import { DashboardPreviews } from '../components/dashboard/DashboardPreviews.tsx';
import { WeatherPanel } from '../components/dashboard/WeatherPanel.tsx';
import './dashboard.css';

export function DashboardView() {
  return (
    <>
      <ViewHeader title="Dashboard" subtitle="Weather, calendar and system status, drawn for each display in its own colours." />
      <div className="two-col">
        <div className="stack">
          <div className="card"><WeatherPanel /></div>
          <div className="card"><CalendarList /></div>
        </div>
        <div className="card"><DashboardPreviews /></div>
      </div>
    </>
  );
}
