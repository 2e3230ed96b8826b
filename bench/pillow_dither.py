"""Pillow peer for bench/dither.ts: Floyd-Steinberg to a fixed palette, timed.

Usage: pillow_dither.py RGB_FILE WIDTH HEIGHT PALETTE_JSON RUNS OUT_FILE
Reads raw RGB bytes, quantizes them RUNS times with Image.quantize(palette=..., dither=FLOYDSTEINBERG),
writes the palette indices of the last run to OUT_FILE and prints {"median_ms": ..., "median_cpu_ms": ...}
as JSON: wall time, and the CPU time of this process (what a machine shared with other work
disturbs least).
Exits with status 3 when Pillow is not installed.
"""
import json
import sys
import time

try:
    from PIL import Image
except ImportError:
    sys.exit(3)


def main():
    rgb_file, width, height, palette_json, runs, out_file = sys.argv[1:7]
    width, height, runs = int(width), int(height), int(runs)
    with open(rgb_file, "rb") as f:
        image = Image.frombytes("RGB", (width, height), f.read())
    palette = json.loads(palette_json)
    palette_image = Image.new("P", (1, 1))
    palette_image.putpalette([channel for colour in palette for channel in colour])
    times = []
    cpu_times = []
    for _ in range(runs):
        started = time.perf_counter()
        cpu_started = time.process_time()
        quantized = image.quantize(palette=palette_image, dither=Image.Dither.FLOYDSTEINBERG)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
        times.append((time.perf_counter() - started) * 1000)
    with open(out_file, "wb") as f:
        f.write(quantized.tobytes())
    times.sort()
    cpu_times.sort()
    print(json.dumps({"median_ms": times[len(times) // 2], "median_cpu_ms": cpu_times[len(cpu_times) // 2]}))


main()
