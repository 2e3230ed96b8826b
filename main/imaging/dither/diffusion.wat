;; Error diffusion and ordered dithering of colour pictures, one row per call, mapping each pixel
;; into the panel's colours as it is read (the tables of gamut/panel-lut.ts). Driven by
;; colour-diffusion.ts and ordered.ts through dither-wasm.ts.
;;
;; Hand-written WebAssembly because this loop is where a frame's time goes and the benchmark
;; holds it to Pillow's C: the same loop in JavaScript runs at about half this speed, since V8
;; checks every typed-array access (bounds, detached buffer, the array's shape) and runs out of
;; registers for the colour's three channels. Here memory access is unchecked by construction,
;; and the three channels of a colour travel together in one SIMD register (lanes r, g, b; lane
;; 3 is unused), so the per-pixel arithmetic is a third of the instructions.
;; Compiled by bin/build-wasm.mjs into diffusion-wasm.ts; test/imaging/diffusion-wasm.test.ts
;; checks that the committed module is this file's.
;;
;; The arithmetic is that of the linear-light diffusion described in error-diffusion.ts, on whole
;; numbers, with every value offset by BIAS so that values with error added are never negative
;; and shift straight into table offsets:
;;   mapped colour: min(grid point + rest, LINEAR_MAX) + BIAS
;;   with error:    mapped + (incoming error >> shift)
;;   nearest:       the cube cell of the value with error (the value held within REACH_LOW..
;;                  REACH_HIGH would fall in the same cell, so the lookup needs no clamp)
;;   passed on:     (value held within REACH) − palette colour, in shares of the kernel
;;
;; Memory, laid out by dither-wasm.ts from the exported addresses below:
;;   OFFSETS  per sRGB byte, 256 × i32 each: the byte offset of its grid point along red (with
;;            the grid's own address added), along green, along blue; then the light above its
;;            grid point, plus BIAS
;;   CELLS    per (value with error) >> 6, 5120 × u16 each for red, green, blue: the byte offset
;;            of the cell's row, column and layer in the cube, ORed together
;;   CUBE     32768 × u16: the byte offset in PALETTE of the nearest palette colour (index × 32)
;;   PALETTE  per palette colour, 32 bytes: its linear light + BIAS (i32 × 3, 0), then the same × 7
;;   from DYNAMIC: the grid (u16 × 3 per point), the scratch of the dither (the rows of error, or
;;            the tables of ordered dithering), the picture, the indices
(module
  (memory (export "memory") 2)

  (global (export "OFFSETS") i32 (i32.const 0))
  (global (export "CELLS") i32 (i32.const 4096))
  (global (export "CUBE") i32 (i32.const 34816))
  (global (export "PALETTE") i32 (i32.const 100352))
  (global (export "DYNAMIC") i32 (i32.const 108544))
  ;; What the constants in the code below assume of palette-matcher.ts; colour-diffusion.ts checks them.
  (global (export "BIAS") i32 (i32.const 131072))
  (global (export "LINEAR_MAX") i32 (i32.const 65535))
  (global (export "REACH_LOW") i32 (i32.const -65536))
  (global (export "REACH_HIGH") i32 (i32.const 131071))
  (global (export "CELL_SHIFT") i32 (i32.const 6))

  ;; Floyd–Steinberg, written out: 7/16 of a pixel's error to the next pixel, 3/16, 5/16, 1/16
  ;; to the row below, behind, under and ahead of it. The shares still owed to the row below are
  ;; carried in registers ($pending, $last), so each cell of that row is written once.
  ;; $current: the cells of this row, 16 bytes each with one cell of padding at either end, as
  ;; the row above left them (in sixteenths); $below: written for the next row.
  (func (export "floydSteinbergRow")
    (param $s i32) (param $p i32) (param $width i32) (param $forward i32)
    (param $current i32) (param $below i32)
    (local $sStep i32) (local $pStep i32) (local $e i32) (local $eStep i32) (local $behind i32)
    (local $at i32) (local $r8 i32) (local $g8 i32) (local $b8 i32) (local $k i32) (local $n i32)
    (local $colour v128) (local $error v128) (local $ahead v128) (local $pending v128) (local $last v128)
    (if (local.get $forward)
      (then
        (local.set $sStep (i32.const 3))
        (local.set $pStep (i32.const 1))
        (local.set $e (i32.add (local.get $current) (i32.const 16)))
        (local.set $eStep (i32.const 16)))
      (else
        (local.set $s (i32.add (local.get $s) (i32.mul (i32.sub (local.get $width) (i32.const 1)) (i32.const 3))))
        (local.set $p (i32.add (local.get $p) (i32.sub (local.get $width) (i32.const 1))))
        (local.set $sStep (i32.const -3))
        (local.set $pStep (i32.const -1))
        (local.set $e (i32.add (local.get $current) (i32.shl (local.get $width) (i32.const 4))))
        (local.set $eStep (i32.const -16))))
    ;; From a pixel's cell to the one below and behind it.
    (local.set $behind (i32.sub (i32.sub (local.get $below) (local.get $current)) (local.get $eStep)))
    (local.set $n (local.get $width))
    (loop $pixels
      ;; $mapped, $nearest and $withinReach, written out: V8 (Node 20) does not inline calls
      ;; between WebAssembly functions, and here they would cost 7% of the default dither.
      (local.set $r8 (i32.shl (i32.load8_u (local.get $s)) (i32.const 2)))
      (local.set $g8 (i32.shl (i32.load8_u offset=1 (local.get $s)) (i32.const 2)))
      (local.set $b8 (i32.shl (i32.load8_u offset=2 (local.get $s)) (i32.const 2)))
      (local.set $at (i32.add (i32.load (local.get $r8)) (i32.add (i32.load offset=1024 (local.get $g8)) (i32.load offset=2048 (local.get $b8)))))
      (local.set $colour
        (i32x4.min_s
          (i32x4.replace_lane 2
            (i32x4.replace_lane 1
              (i32x4.splat (i32.add (i32.load16_u (local.get $at)) (i32.load offset=3072 (local.get $r8))))
              (i32.add (i32.load16_u offset=2 (local.get $at)) (i32.load offset=3072 (local.get $g8))))
            (i32.add (i32.load16_u offset=4 (local.get $at)) (i32.load offset=3072 (local.get $b8))))
          (v128.const i32x4 196607 196607 196607 196607)))
      (local.set $colour (i32x4.add (local.get $colour)
        (i32x4.shr_s (i32x4.add (v128.load (local.get $e)) (local.get $ahead)) (i32.const 4))))
      (local.set $error (v128.and (i32x4.shr_u (local.get $colour) (i32.const 5)) (v128.const i32x4 -2 -2 -2 -2)))
      (local.set $k (i32.load16_u offset=34816
        (i32.or
          (i32.or
            (i32.load16_u offset=4096 (i32x4.extract_lane 0 (local.get $error)))
            (i32.load16_u offset=14336 (i32x4.extract_lane 1 (local.get $error))))
          (i32.load16_u offset=24576 (i32x4.extract_lane 2 (local.get $error))))))
      (i32.store8 (local.get $p) (i32.shr_u (local.get $k) (i32.const 5)))
      (local.set $colour (i32x4.min_s
        (i32x4.max_s (local.get $colour) (v128.const i32x4 65536 65536 65536 65536))
        (v128.const i32x4 262143 262143 262143 262143)))
      (local.set $error (i32x4.sub (local.get $colour) (v128.load offset=100352 (local.get $k))))
      ;; 7 × error, as 7 × value − 7 × palette colour: the multiplication need not wait for the lookup.
      (local.set $ahead (i32x4.sub
        (i32x4.sub (i32x4.shl (local.get $colour) (i32.const 3)) (local.get $colour))
        (v128.load offset=100368 (local.get $k))))
      (v128.store (i32.add (local.get $e) (local.get $behind))
        (i32x4.add (local.get $pending) (i32x4.add (i32x4.shl (local.get $error) (i32.const 1)) (local.get $error))))
      (local.set $pending (i32x4.add (local.get $last) (i32x4.add (i32x4.shl (local.get $error) (i32.const 2)) (local.get $error))))
      (local.set $last (local.get $error))
      (local.set $s (i32.add (local.get $s) (local.get $sStep)))
      (local.set $p (i32.add (local.get $p) (local.get $pStep)))
      (local.set $e (i32.add (local.get $e) (local.get $eStep)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $pixels (local.get $n)))
    ;; The cell below the last pixel.
    (v128.store (i32.add (local.get $e) (local.get $behind)) (local.get $pending)))

  ;; Any kernel of up to 5 × 3 taps (Atkinson, Sierra, Stucki): a pixel's error times each tap's
  ;; weight is added to the cells the kernel reaches, and a pixel takes what its cell holds,
  ;; shifted right by $shift (the weights are over 2^shift). The two taps ahead on this row are
  ;; carried in registers; the rows below are added to in memory.
  ;; $row0, $row1, $row2: this row and the two below, 16 bytes a cell with two cells of padding at
  ;; either end; this row's cells are cleared as they are read, so it can serve as the row two
  ;; below next. The weights of the rows below are given in memory order (left to right), so the
  ;; caller mirrors them for a row scanned right to left; $ahead1 and $ahead2 are along the scan.
  (func (export "kernelRow")
    (param $s i32) (param $p i32) (param $width i32) (param $forward i32)
    (param $row0 i32) (param $row1 i32) (param $row2 i32) (param $shift i32)
    (param $ahead1 i32) (param $ahead2 i32)
    (param $w1a i32) (param $w1b i32) (param $w1c i32) (param $w1d i32) (param $w1e i32)
    (param $w2a i32) (param $w2b i32) (param $w2c i32) (param $w2d i32) (param $w2e i32)
    (local $sStep i32) (local $pStep i32) (local $e i32) (local $eStep i32)
    (local $down1 i32) (local $down2 i32) (local $at i32) (local $k i32) (local $n i32)
    (local $colour v128) (local $error v128) (local $next v128) (local $afterNext v128)
    (local $a1 v128) (local $a2 v128)
    (local $v1a v128) (local $v1b v128) (local $v1c v128) (local $v1d v128) (local $v1e v128)
    (local $v2a v128) (local $v2b v128) (local $v2c v128) (local $v2d v128) (local $v2e v128)
    (local.set $a1 (i32x4.splat (local.get $ahead1)))
    (local.set $a2 (i32x4.splat (local.get $ahead2)))
    (local.set $v1a (i32x4.splat (local.get $w1a)))
    (local.set $v1b (i32x4.splat (local.get $w1b)))
    (local.set $v1c (i32x4.splat (local.get $w1c)))
    (local.set $v1d (i32x4.splat (local.get $w1d)))
    (local.set $v1e (i32x4.splat (local.get $w1e)))
    (local.set $v2a (i32x4.splat (local.get $w2a)))
    (local.set $v2b (i32x4.splat (local.get $w2b)))
    (local.set $v2c (i32x4.splat (local.get $w2c)))
    (local.set $v2d (i32x4.splat (local.get $w2d)))
    (local.set $v2e (i32x4.splat (local.get $w2e)))
    (if (local.get $forward)
      (then
        (local.set $sStep (i32.const 3))
        (local.set $pStep (i32.const 1))
        (local.set $e (i32.add (local.get $row0) (i32.const 32)))
        (local.set $eStep (i32.const 16)))
      (else
        (local.set $s (i32.add (local.get $s) (i32.mul (i32.sub (local.get $width) (i32.const 1)) (i32.const 3))))
        (local.set $p (i32.add (local.get $p) (i32.sub (local.get $width) (i32.const 1))))
        (local.set $sStep (i32.const -3))
        (local.set $pStep (i32.const -1))
        (local.set $e (i32.add (local.get $row0) (i32.add (i32.shl (local.get $width) (i32.const 4)) (i32.const 16))))
        (local.set $eStep (i32.const -16))))
    ;; From a pixel's cell to the leftmost cell it reaches on each row below.
    (local.set $down1 (i32.sub (i32.sub (local.get $row1) (local.get $row0)) (i32.const 32)))
    (local.set $down2 (i32.sub (i32.sub (local.get $row2) (local.get $row0)) (i32.const 32)))
    (local.set $n (local.get $width))
    (loop $pixels
      (local.set $colour (call $mapped (local.get $s)))
      (local.set $colour (i32x4.add (local.get $colour)
        (i32x4.shr_s (i32x4.add (v128.load (local.get $e)) (local.get $next)) (local.get $shift))))
      (v128.store (local.get $e) (v128.const i64x2 0 0))
      (local.set $k (call $nearest (local.get $colour)))
      (i32.store8 (local.get $p) (i32.shr_u (local.get $k) (i32.const 5)))
      (local.set $error (i32x4.sub (call $withinReach (local.get $colour)) (v128.load offset=100352 (local.get $k))))
      (local.set $next (i32x4.add (local.get $afterNext) (i32x4.mul (local.get $error) (local.get $a1))))
      (local.set $afterNext (i32x4.mul (local.get $error) (local.get $a2)))
      (local.set $at (i32.add (local.get $e) (local.get $down1)))
      (v128.store offset=0 (local.get $at) (i32x4.add (v128.load offset=0 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v1a))))
      (v128.store offset=16 (local.get $at) (i32x4.add (v128.load offset=16 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v1b))))
      (v128.store offset=32 (local.get $at) (i32x4.add (v128.load offset=32 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v1c))))
      (v128.store offset=48 (local.get $at) (i32x4.add (v128.load offset=48 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v1d))))
      (v128.store offset=64 (local.get $at) (i32x4.add (v128.load offset=64 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v1e))))
      (local.set $at (i32.add (local.get $e) (local.get $down2)))
      (v128.store offset=0 (local.get $at) (i32x4.add (v128.load offset=0 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v2a))))
      (v128.store offset=16 (local.get $at) (i32x4.add (v128.load offset=16 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v2b))))
      (v128.store offset=32 (local.get $at) (i32x4.add (v128.load offset=32 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v2c))))
      (v128.store offset=48 (local.get $at) (i32x4.add (v128.load offset=48 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v2d))))
      (v128.store offset=64 (local.get $at) (i32x4.add (v128.load offset=64 (local.get $at)) (i32x4.mul (local.get $error) (local.get $v2e))))
      (local.set $s (i32.add (local.get $s) (local.get $sStep)))
      (local.set $p (i32.add (local.get $p) (local.get $pStep)))
      (local.set $e (i32.add (local.get $e) (local.get $eStep)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $pixels (local.get $n)))
    ;; What reached this row's padding, beyond its ends.
    (v128.store (local.get $row0) (v128.const i64x2 0 0))
    (v128.store offset=16 (local.get $row0) (v128.const i64x2 0 0))
    (local.set $at (i32.add (local.get $row0) (i32.shl (local.get $width) (i32.const 4))))
    (v128.store offset=32 (local.get $at) (v128.const i64x2 0 0))
    (v128.store offset=48 (local.get $at) (v128.const i64x2 0 0)))

  ;; Ordered dithering of one row (ordered.ts has the method): each pixel is mapped into the
  ;; panel's colours, its cube cell gives the pair of palette colours it is shown as a mix of (A,
  ;; the nearest, and B), and it takes B where the threshold map's value is below its share of B.
  ;; $pairCube: per cube cell (at the byte offsets CELLS gives), u16: the index of its pair.
  ;; $pairs: per pair, 32 bytes: A's linear light + BIAS (i32 × 3), then the bytes A and B; then
  ;; (B − A) / |B − A|² (f32 × 3, 0), so that the share of B is (colour − A) · that.
  ;; $thresholds: this row of the threshold map (f32), $mask: its width − 1.
  (func (export "orderedRow")
    (param $s i32) (param $p i32) (param $width i32) (param $thresholds i32) (param $mask i32)
    (param $pairCube i32) (param $pairs i32)
    (local $x i32) (local $pair i32) (local $cells v128) (local $colour v128) (local $share v128)
    (loop $pixels
      (local.set $colour (call $mapped (local.get $s)))
      (local.set $cells (v128.and (i32x4.shr_u (local.get $colour) (i32.const 5)) (v128.const i32x4 -2 -2 -2 -2)))
      (local.set $pair (i32.add (local.get $pairs) (i32.shl
        (i32.load16_u (i32.add (local.get $pairCube)
          (i32.or
            (i32.or
              (i32.load16_u offset=4096 (i32x4.extract_lane 0 (local.get $cells)))
              (i32.load16_u offset=14336 (i32x4.extract_lane 1 (local.get $cells))))
            (i32.load16_u offset=24576 (i32x4.extract_lane 2 (local.get $cells))))))
        (i32.const 5))))
      ;; Lane 3 (A and B as bytes, less whatever the colour holds there) meets a 0 and drops out.
      (local.set $share (f32x4.mul
        (f32x4.convert_i32x4_s (i32x4.sub (local.get $colour) (v128.load (local.get $pair))))
        (v128.load offset=16 (local.get $pair))))
      (i32.store8 (local.get $p)
        (select
          (i32.load8_u offset=13 (local.get $pair))
          (i32.load8_u offset=12 (local.get $pair))
          (f32.gt
            (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $share)) (f32x4.extract_lane 1 (local.get $share)))
              (f32x4.extract_lane 2 (local.get $share)))
            (f32.load (i32.add (local.get $thresholds) (i32.shl (i32.and (local.get $x) (local.get $mask)) (i32.const 2)))))))
      (local.set $s (i32.add (local.get $s) (i32.const 3)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (br_if $pixels (i32.lt_u (local.get $x) (local.get $width)))))

;; Panels of greys, dithered on luminance (error-diffusion.ts has the method), scalar: one
  ;; value a pixel. $tables: the luminance mapping and the levels, laid out by dither-wasm.ts:
  ;;   +0     per sRGB byte, 256 × i32 each for red, green, blue: its weighted linear light
  ;;   +3072  LEVELS  per palette colour, i32: its luminance
  ;;   +4096  ABOVE, BELOW  per palette colour, u8 each: the nearest level above and below it (or itself)
  ;;   +4608  NEAREST per (luminance − REACH_LOW) >> 4, u8: the nearest level (12288 entries)
  ;;   +16896 CURVE   per weighted linear light, u16: the luminance the panel should show
  ;; The pixel's luminance mapped to the panel is CURVE[red + green + blue].

;; Any kernel of up to 5 × 3 taps, as kernelRow does for colour, but with what each row below
  ;; is owed carried in registers: four cells a row, in one i32x4 (the cells 2 and 1 behind the
  ;; pixel, under it and 1 ahead), so each cell below is written once, when the pixel 2 ahead of
  ;; it has added its share, and the row two below is simply stored (every one of its cells is
  ;; written, padding included, so it needs no clearing). Cells of 4 bytes (i32), two cells of
  ;; padding at either end of each row; the weights are along the scan, dx −2 … 2.
  (func (export "greyKernelRow")
    (param $s i32) (param $p i32) (param $width i32) (param $forward i32)
    (param $row0 i32) (param $row1 i32) (param $row2 i32) (param $shift i32)
    (param $ahead1 i32) (param $ahead2 i32)
    (param $w1a i32) (param $w1b i32) (param $w1c i32) (param $w1d i32) (param $w1e i32)
    (param $w2a i32) (param $w2b i32) (param $w2c i32) (param $w2d i32) (param $w2e i32)
    (param $tables i32)
    (local $sStep i32) (local $pStep i32) (local $e i32) (local $eStep i32)
    (local $behind1 i32) (local $behind2 i32) (local $k i32) (local $n i32)
    (local $v i32) (local $error i32) (local $next i32) (local $afterNext i32)
    (local $weights1 v128) (local $weights2 v128) (local $owed1 v128) (local $owed2 v128) (local $errors v128)
    (local.set $weights1 (i32x4.replace_lane 3 (i32x4.replace_lane 2 (i32x4.replace_lane 1 (i32x4.splat (local.get $w1a)) (local.get $w1b)) (local.get $w1c)) (local.get $w1d)))
    (local.set $weights2 (i32x4.replace_lane 3 (i32x4.replace_lane 2 (i32x4.replace_lane 1 (i32x4.splat (local.get $w2a)) (local.get $w2b)) (local.get $w2c)) (local.get $w2d)))
    (if (local.get $forward)
      (then
        (local.set $sStep (i32.const 3))
        (local.set $pStep (i32.const 1))
        (local.set $e (i32.add (local.get $row0) (i32.const 8)))
        (local.set $eStep (i32.const 4)))
      (else
        (local.set $s (i32.add (local.get $s) (i32.mul (i32.sub (local.get $width) (i32.const 1)) (i32.const 3))))
        (local.set $p (i32.add (local.get $p) (i32.sub (local.get $width) (i32.const 1))))
        (local.set $sStep (i32.const -3))
        (local.set $pStep (i32.const -1))
        (local.set $e (i32.add (local.get $row0) (i32.add (i32.shl (local.get $width) (i32.const 2)) (i32.const 4))))
        (local.set $eStep (i32.const -4))))
    ;; From a pixel's cell to the cell 2 behind it on each row below.
    (local.set $behind1 (i32.sub (i32.sub (local.get $row1) (local.get $row0)) (i32.shl (local.get $eStep) (i32.const 1))))
    (local.set $behind2 (i32.sub (i32.sub (local.get $row2) (local.get $row0)) (i32.shl (local.get $eStep) (i32.const 1))))
    (local.set $n (local.get $width))
    (loop $pixels
      (local.set $v (i32.add (call $luminance (local.get $s) (local.get $tables))
        (i32.shr_s (i32.add (i32.load (local.get $e)) (local.get $next)) (local.get $shift))))
      (local.set $v (select (local.get $v) (i32.const -65536) (i32.gt_s (local.get $v) (i32.const -65536))))
      (local.set $v (select (local.get $v) (i32.const 131071) (i32.lt_s (local.get $v) (i32.const 131071))))
      (local.set $k (i32.load8_u offset=4608 (i32.add (local.get $tables) (i32.shr_s (i32.add (local.get $v) (i32.const 65536)) (i32.const 4)))))
      (i32.store8 (local.get $p) (local.get $k))
      (local.set $error (i32.sub (local.get $v) (i32.load offset=3072 (i32.add (local.get $tables) (i32.shl (local.get $k) (i32.const 2))))))
      (local.set $next (i32.add (local.get $afterNext) (i32.mul (local.get $error) (local.get $ahead1))))
      (local.set $afterNext (i32.mul (local.get $error) (local.get $ahead2)))
      (local.set $errors (i32x4.splat (local.get $error)))
      (local.set $owed1 (i32x4.add (local.get $owed1) (i32x4.mul (local.get $errors) (local.get $weights1))))
      (local.set $owed2 (i32x4.add (local.get $owed2) (i32x4.mul (local.get $errors) (local.get $weights2))))
      (i32.store (i32.add (local.get $e) (local.get $behind1))
        (i32.add (i32.load (i32.add (local.get $e) (local.get $behind1))) (i32x4.extract_lane 0 (local.get $owed1))))
      (i32.store (i32.add (local.get $e) (local.get $behind2)) (i32x4.extract_lane 0 (local.get $owed2)))
      (local.set $owed1 (i32x4.replace_lane 3
        (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $owed1) (local.get $owed1))
        (i32.mul (local.get $error) (local.get $w1e))))
      (local.set $owed2 (i32x4.replace_lane 3
        (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $owed2) (local.get $owed2))
        (i32.mul (local.get $error) (local.get $w2e))))
      (local.set $s (i32.add (local.get $s) (local.get $sStep)))
      (local.set $p (i32.add (local.get $p) (local.get $pStep)))
      (local.set $e (i32.add (local.get $e) (local.get $eStep)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $pixels (local.get $n)))
    ;; The last two cells below, 2 and 1 behind where the scan ended; what would go beyond the row is dropped.
    (i32.store (i32.add (local.get $e) (local.get $behind1))
      (i32.add (i32.load (i32.add (local.get $e) (local.get $behind1))) (i32x4.extract_lane 0 (local.get $owed1))))
    (i32.store (i32.add (local.get $e) (local.get $behind2)) (i32x4.extract_lane 0 (local.get $owed2)))
    (local.set $e (i32.add (local.get $e) (local.get $eStep)))
    (i32.store (i32.add (local.get $e) (local.get $behind1))
      (i32.add (i32.load (i32.add (local.get $e) (local.get $behind1))) (i32x4.extract_lane 1 (local.get $owed1))))
    (i32.store (i32.add (local.get $e) (local.get $behind2)) (i32x4.extract_lane 1 (local.get $owed2))))

  ;; Ordered dithering on luminance: the nearest level A and the next level B on the other side
  ;; of the pixel; B where the threshold is below the pixel's share of B.
  (func (export "greyOrderedRow")
    (param $s i32) (param $p i32) (param $width i32) (param $thresholds i32) (param $mask i32) (param $tables i32)
    (local $x i32) (local $v i32) (local $a i32) (local $b i32) (local $off i32)
    (loop $pixels
      (local.set $v (call $luminance (local.get $s) (local.get $tables)))
      (local.set $a (i32.load8_u offset=4608 (i32.add (local.get $tables) (i32.shr_s (i32.add (local.get $v) (i32.const 65536)) (i32.const 4)))))
      (local.set $off (i32.sub (local.get $v) (i32.load offset=3072 (i32.add (local.get $tables) (i32.shl (local.get $a) (i32.const 2))))))
      (local.set $b (i32.load8_u (i32.add (i32.add (local.get $tables) (local.get $a))
        (select (i32.const 4096) (i32.const 4352) (i32.gt_s (local.get $off) (i32.const 0))))))
      ;; In double precision, as JavaScript would: where B is A the share is ±∞ or NaN, and either pick is A.
      (i32.store8 (local.get $p)
        (select (local.get $b) (local.get $a)
          (f64.lt
            (f64.promote_f32 (f32.load (i32.add (local.get $thresholds) (i32.shl (i32.and (local.get $x) (local.get $mask)) (i32.const 2)))))
            (f64.div (f64.convert_i32_s (local.get $off))
              (f64.convert_i32_s (i32.sub
                (i32.load offset=3072 (i32.add (local.get $tables) (i32.shl (local.get $b) (i32.const 2))))
                (i32.load offset=3072 (i32.add (local.get $tables) (i32.shl (local.get $a) (i32.const 2))))))))))
      (local.set $s (i32.add (local.get $s) (i32.const 3)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (br_if $pixels (i32.lt_u (local.get $x) (local.get $width)))))

  ;; The luminance of the pixel at $s (sRGB bytes), mapped to the panel.
  (func $luminance (param $s i32) (param $tables i32) (result i32)
    (i32.load16_u offset=16896 (i32.add (local.get $tables) (i32.shl
      (i32.add
        (i32.add
          (i32.load (i32.add (local.get $tables) (i32.shl (i32.load8_u (local.get $s)) (i32.const 2))))
          (i32.load offset=1024 (i32.add (local.get $tables) (i32.shl (i32.load8_u offset=1 (local.get $s)) (i32.const 2)))))
        (i32.load offset=2048 (i32.add (local.get $tables) (i32.shl (i32.load8_u offset=2 (local.get $s)) (i32.const 2)))))
      (i32.const 1)))))

  ;; The pixel at $s (sRGB bytes) mapped into the panel's colours, + BIAS.
  (func $mapped (param $s i32) (result v128)
    (local $r i32) (local $g i32) (local $b i32) (local $at i32)
    (local.set $r (i32.shl (i32.load8_u (local.get $s)) (i32.const 2)))
    (local.set $g (i32.shl (i32.load8_u offset=1 (local.get $s)) (i32.const 2)))
    (local.set $b (i32.shl (i32.load8_u offset=2 (local.get $s)) (i32.const 2)))
    (local.set $at (i32.add (i32.load (local.get $r)) (i32.add (i32.load offset=1024 (local.get $g)) (i32.load offset=2048 (local.get $b)))))
    (i32x4.min_s
      (i32x4.replace_lane 2
        (i32x4.replace_lane 1
          (i32x4.splat (i32.add (i32.load16_u (local.get $at)) (i32.load offset=3072 (local.get $r))))
          (i32.add (i32.load16_u offset=2 (local.get $at)) (i32.load offset=3072 (local.get $g))))
        (i32.add (i32.load16_u offset=4 (local.get $at)) (i32.load offset=3072 (local.get $b))))
      (v128.const i32x4 196607 196607 196607 196607))) ;; LINEAR_MAX + BIAS

  ;; The byte offset in PALETTE of the palette colour nearest to $colour (with BIAS).
  (func $nearest (param $colour v128) (result i32)
    (local $cells v128)
    (local.set $cells (v128.and (i32x4.shr_u (local.get $colour) (i32.const 5)) (v128.const i32x4 -2 -2 -2 -2))) ;; (v >> 6) × 2 bytes
    (i32.load16_u offset=34816
      (i32.or
        (i32.or
          (i32.load16_u offset=4096 (i32x4.extract_lane 0 (local.get $cells)))
          (i32.load16_u offset=14336 (i32x4.extract_lane 1 (local.get $cells))))
        (i32.load16_u offset=24576 (i32x4.extract_lane 2 (local.get $cells))))))

  ;; $colour held within REACH_LOW..REACH_HIGH (with BIAS).
  (func $withinReach (param $colour v128) (result v128)
    (i32x4.min_s
      (i32x4.max_s (local.get $colour) (v128.const i32x4 65536 65536 65536 65536))
      (v128.const i32x4 262143 262143 262143 262143)))
)
