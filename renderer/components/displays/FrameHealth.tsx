import { useEffect, useState } from 'react';
import type { DisplayDto, DisplayTelemetryDto } from '../../../contract/admin.ts';
import { client } from '../../api/client.ts';
import { Sparkline } from './Sparkline.tsx';

const REFRESH_MS = 5 * 60_000;

function uptime(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  return days > 0 ? `${days} d ${hours} h` : `${hours} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** What a device reports about itself (CPU temperature, Wi-Fi, battery, uptime, firmware) with the last days as sparklines. */
export function FrameHealth({ display }: { display: DisplayDto }) {
  const [history, setHistory] = useState<DisplayTelemetryDto['samples']>([]);
  useEffect(() => {
    let live = true;
    const load = () => client().call('displays.telemetry', { id: display.id }).then((t) => live && setHistory(t.samples), () => undefined);
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [display.id]);
  if (display.cpuTemperature === null && display.uptimeS === null && display.firmware === null) return null;

  return (
    <div className="frame-health small" data-testid="frame-health">
      {display.cpuTemperature !== null && (
        <span data-testid="cpu-temperature" className="row">CPU {display.cpuTemperature.toFixed(1)} °C
          <Sparkline values={history.map((s) => s.cpuTemperature)} label="CPU temperature, last days" />
        </span>
      )}
      {display.rssi !== null && history.some((s) => s.rssi !== null) && (
        <span className="row">Wi-Fi <Sparkline values={history.map((s) => s.rssi)} label="Wi-Fi signal, last days" /></span>
      )}
      {display.batteryVoltage !== null && history.some((s) => s.batteryVoltage !== null) && (
        <span className="row">Battery <Sparkline values={history.map((s) => s.batteryVoltage)} label="Battery voltage, last days" /></span>
      )}
      {display.uptimeS !== null && <span data-testid="uptime" className="muted">up {uptime(display.uptimeS)}</span>}
      {display.firmware && <span data-testid="firmware" className="muted">{display.firmware}</span>}
      {display.frameProgramOutdated && (
        <span className="badge warn" data-testid="frame-outdated" title="Run the command from “Add a frame” on the Pi again to upgrade it in place">
          frame program older than the server’s
        </span>
      )}
    </div>
  );
}
