;; SIMD versions of the hottest elementwise loops (README "Speed"): the same words as the JavaScript bodies
;; in core/ring-kernels.ts, protocols/arithmetic/beaver-kernels.ts, protocols/comparison/adder-kernels.ts,
;; runtime/material/and-triple-fused.ts and core/ring-matmul.ts, two 64-bit lanes at a time.
;; Built into kernels.wasm by `npm run wasm` (scripts/build-wasm.mjs); a test checks the committed binary
;; is this file's build. Every function takes byte addresses in the shared memory and a word range
;; [lo, hi) with hi − lo even (core/wasm/dispatch.ts runs an odd last word in JavaScript).
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; out = a ⊕ b
  (func (export "xor") (param $a i32) (param $b i32) (param $out i32) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32)
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (v128.xor
            (v128.load (i32.add (local.get $a) (local.get $i)))
            (v128.load (i32.add (local.get $b) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; out = a ∧ b
  (func (export "and") (param $a i32) (param $b i32) (param $out i32) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32)
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (v128.and
            (v128.load (i32.add (local.get $a) (local.get $i)))
            (v128.load (i32.add (local.get $b) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; One Sklansky level's opened message (adder-kernels.ts maskLevel), the four quarters m0…m3 given apart:
  ;;   m0 = (P ∧ out) ⊕ a0,  m1 = (P ∧ out) ⊕ a1,  m2 = ((S ∧ in)·mult ∧ mask) ⊕ b0,  m3 = ((P ∧ in)·mult ∧ mask) ⊕ b1
  (func (export "mask_level")
    (param $S i32) (param $P i32) (param $a0 i32) (param $a1 i32) (param $b0 i32) (param $b1 i32)
    (param $m0 i32) (param $m1 i32) (param $m2 i32) (param $m3 i32)
    (param $mask i64) (param $in i64) (param $out i64) (param $mult i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32)
    (local $vmask v128) (local $vin v128) (local $vout v128) (local $vmult v128) (local $p v128) (local $p0 v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $vin (i64x2.splat (local.get $in)))
    (local.set $vout (i64x2.splat (local.get $out)))
    (local.set $vmult (i64x2.splat (local.get $mult)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $p (v128.load (i32.add (local.get $P) (local.get $i))))
        (local.set $p0 (v128.and (local.get $p) (local.get $vout)))
        (v128.store (i32.add (local.get $m0) (local.get $i))
          (v128.xor (local.get $p0) (v128.load (i32.add (local.get $a0) (local.get $i)))))
        (v128.store (i32.add (local.get $m1) (local.get $i))
          (v128.xor (local.get $p0) (v128.load (i32.add (local.get $a1) (local.get $i)))))
        (v128.store (i32.add (local.get $m2) (local.get $i))
          (v128.xor
            (v128.and
              (i64x2.mul
                (v128.and (v128.load (i32.add (local.get $S) (local.get $i))) (local.get $vin))
                (local.get $vmult))
              (local.get $vmask))
            (v128.load (i32.add (local.get $b0) (local.get $i)))))
        (v128.store (i32.add (local.get $m3) (local.get $i))
          (v128.xor
            (v128.and
              (i64x2.mul (v128.and (local.get $p) (local.get $vin)) (local.get $vmult))
              (local.get $vmask))
            (v128.load (i32.add (local.get $b1) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; One Sklansky level's update (adder-kernels.ts combineLevel) with d, e = mine ⊕ other per quarter:
  ;;   S ← S ⊕ c0 ⊕ (dS ∧ b0) ⊕ (eS ∧ a0) ⊕ (dS ∧ eS ∧ lead)
  ;;   P ← (P ∧ notOut) ⊕ c1 ⊕ (dP ∧ b1) ⊕ (eP ∧ a1) ⊕ (dP ∧ eP ∧ lead)
  ;; mine and other are given by their quarters: 0 → dS, 1 → dP, 2 → eS, 3 → eP.
  (func (export "combine_level")
    (param $x0 i32) (param $x1 i32) (param $x2 i32) (param $x3 i32)
    (param $y0 i32) (param $y1 i32) (param $y2 i32) (param $y3 i32)
    (param $S i32) (param $P i32) (param $a0 i32) (param $a1 i32) (param $b0 i32) (param $b1 i32)
    (param $c0 i32) (param $c1 i32) (param $lead i64) (param $notOut i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vlead v128) (local $vnot v128) (local $d v128) (local $e v128)
    (local.set $vlead (i64x2.splat (local.get $lead)))
    (local.set $vnot (i64x2.splat (local.get $notOut)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $d
          (v128.xor
            (v128.load (i32.add (local.get $x0) (local.get $i)))
            (v128.load (i32.add (local.get $y0) (local.get $i)))))
        (local.set $e
          (v128.xor
            (v128.load (i32.add (local.get $x2) (local.get $i)))
            (v128.load (i32.add (local.get $y2) (local.get $i)))))
        (v128.store (i32.add (local.get $S) (local.get $i))
          (v128.xor
            (v128.xor
              (v128.xor
                (v128.load (i32.add (local.get $S) (local.get $i)))
                (v128.load (i32.add (local.get $c0) (local.get $i))))
              (v128.xor
                (v128.and (local.get $d) (v128.load (i32.add (local.get $b0) (local.get $i))))
                (v128.and (local.get $e) (v128.load (i32.add (local.get $a0) (local.get $i))))))
            (v128.and (v128.and (local.get $d) (local.get $e)) (local.get $vlead))))
        (local.set $d
          (v128.xor
            (v128.load (i32.add (local.get $x1) (local.get $i)))
            (v128.load (i32.add (local.get $y1) (local.get $i)))))
        (local.set $e
          (v128.xor
            (v128.load (i32.add (local.get $x3) (local.get $i)))
            (v128.load (i32.add (local.get $y3) (local.get $i)))))
        (v128.store (i32.add (local.get $P) (local.get $i))
          (v128.xor
            (v128.xor
              (v128.xor
                (v128.and (v128.load (i32.add (local.get $P) (local.get $i))) (local.get $vnot))
                (v128.load (i32.add (local.get $c1) (local.get $i))))
              (v128.xor
                (v128.and (local.get $d) (v128.load (i32.add (local.get $b1) (local.get $i))))
                (v128.and (local.get $e) (v128.load (i32.add (local.get $a1) (local.get $i))))))
            (v128.and (v128.and (local.get $d) (local.get $e)) (local.get $vlead))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))
;; The dealer's AND-triple shares from five keystream pieces (runtime/material/and-triple-fused.ts):
  ;; raw = the share draws rA, rB, rC; derived dA = a ⊕ rA, dB = b ⊕ rB, dC = (a ∧ b) ⊕ rC; all ∧ mask.
  (func (export "and_triple")
    (param $a i32) (param $b i32) (param $ra i32) (param $rb i32) (param $rc i32)
    (param $rawA i32) (param $rawB i32) (param $rawC i32) (param $derA i32) (param $derB i32) (param $derC i32)
    (param $mask i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vmask v128) (local $va v128) (local $vb v128) (local $r v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $va (v128.load (i32.add (local.get $a) (local.get $i))))
        (local.set $vb (v128.load (i32.add (local.get $b) (local.get $i))))
        (local.set $r (v128.load (i32.add (local.get $ra) (local.get $i))))
        (v128.store (i32.add (local.get $rawA) (local.get $i)) (v128.and (local.get $r) (local.get $vmask)))
        (v128.store (i32.add (local.get $derA) (local.get $i))
          (v128.and (v128.xor (local.get $va) (local.get $r)) (local.get $vmask)))
        (local.set $r (v128.load (i32.add (local.get $rb) (local.get $i))))
        (v128.store (i32.add (local.get $rawB) (local.get $i)) (v128.and (local.get $r) (local.get $vmask)))
        (v128.store (i32.add (local.get $derB) (local.get $i))
          (v128.and (v128.xor (local.get $vb) (local.get $r)) (local.get $vmask)))
        (local.set $r (v128.load (i32.add (local.get $rc) (local.get $i))))
        (v128.store (i32.add (local.get $rawC) (local.get $i)) (v128.and (local.get $r) (local.get $vmask)))
        (v128.store (i32.add (local.get $derC) (local.get $i))
          (v128.and (v128.xor (v128.and (local.get $va) (local.get $vb)) (local.get $r)) (local.get $vmask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))
;; Ring arithmetic mod 2^ℓ (core/ring-kernels.ts): out = (x op y) ∧ mask, wrapping 64-bit lanes. The
  ;; low ℓ bits of a wrapped sum, difference or product are those of the exact one, as in the BigInt loops.
  (func (export "add") (param $x i32) (param $y i32) (param $out i32) (param $mask i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vmask v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (v128.and
            (i64x2.add
              (v128.load (i32.add (local.get $x) (local.get $i)))
              (v128.load (i32.add (local.get $y) (local.get $i))))
            (local.get $vmask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  (func (export "sub") (param $x i32) (param $y i32) (param $out i32) (param $mask i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vmask v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (v128.and
            (i64x2.sub
              (v128.load (i32.add (local.get $x) (local.get $i)))
              (v128.load (i32.add (local.get $y) (local.get $i))))
            (local.get $vmask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  (func (export "mul") (param $x i32) (param $y i32) (param $out i32) (param $mask i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vmask v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (v128.and
            (i64x2.mul
              (v128.load (i32.add (local.get $x) (local.get $i)))
              (v128.load (i32.add (local.get $y) (local.get $i))))
            (local.get $vmask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; Signed words divided by 2^k (1 ≤ k ≤ 62), rounded toward zero like BigInt64 division: a negative x
  ;; gets 2^k − 1 added before the arithmetic shift.
  (func (export "div_pow2") (param $src i32) (param $dst i32) (param $k i32) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vbias v128) (local $v v128)
    (local.set $vbias
      (i64x2.splat (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $k))) (i64.const 1))))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $v (v128.load (i32.add (local.get $src) (local.get $i))))
        (v128.store (i32.add (local.get $dst) (local.get $i))
          (i64x2.shr_s
            (i64x2.add
              (local.get $v)
              (v128.and (i64x2.shr_s (local.get $v) (i32.const 63)) (local.get $vbias)))
            (local.get $k)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; Beaver's opening (protocols/arithmetic/beaver-kernels.ts maskBoth): e = (x − a) ∧ mask, d = (y − b) ∧ mask.
  (func (export "beaver_mask")
    (param $x i32) (param $a i32) (param $y i32) (param $b i32) (param $e i32) (param $d i32)
    (param $mask i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vmask v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $e) (local.get $i))
          (v128.and
            (i64x2.sub
              (v128.load (i32.add (local.get $x) (local.get $i)))
              (v128.load (i32.add (local.get $a) (local.get $i))))
            (local.get $vmask)))
        (v128.store (i32.add (local.get $d) (local.get $i))
          (v128.and
            (i64x2.sub
              (v128.load (i32.add (local.get $y) (local.get $i)))
              (v128.load (i32.add (local.get $b) (local.get $i))))
            (local.get $vmask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; Beaver's combination (beaver-kernels.ts combineLead / combineOther), ε = e0 + e1 and δ = d0 + d1 from
  ;; the two halves of mine and other: z = (c + ε·b + δ·a + (ε·δ ∧ lead)) ∧ mask, lead all ones at party 0.
  (func (export "beaver_combine")
    (param $c i32) (param $a i32) (param $b i32) (param $e0 i32) (param $d0 i32) (param $e1 i32) (param $d1 i32)
    (param $z i32) (param $lead i64) (param $mask i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vmask v128) (local $vlead v128) (local $e v128) (local $d v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $vlead (i64x2.splat (local.get $lead)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $e
          (i64x2.add
            (v128.load (i32.add (local.get $e0) (local.get $i)))
            (v128.load (i32.add (local.get $e1) (local.get $i)))))
        (local.set $d
          (i64x2.add
            (v128.load (i32.add (local.get $d0) (local.get $i)))
            (v128.load (i32.add (local.get $d1) (local.get $i)))))
        (v128.store (i32.add (local.get $z) (local.get $i))
          (v128.and
            (i64x2.add
              (i64x2.add
                (v128.load (i32.add (local.get $c) (local.get $i)))
                (i64x2.mul (local.get $e) (v128.load (i32.add (local.get $b) (local.get $i)))))
              (i64x2.add
                (i64x2.mul (local.get $d) (v128.load (i32.add (local.get $a) (local.get $i))))
                (v128.and (i64x2.mul (local.get $e) (local.get $d)) (local.get $vlead))))
            (local.get $vmask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; Squaring's combination (beaver-kernels.ts squareLead / squareOther), e = mine + other:
  ;; z = (r² + 2·e·r + (e² ∧ lead)) ∧ mask.
  (func (export "square_combine")
    (param $r i32) (param $r2 i32) (param $mine i32) (param $other i32) (param $z i32)
    (param $lead i64) (param $mask i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vmask v128) (local $vlead v128) (local $e v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $vlead (i64x2.splat (local.get $lead)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $e
          (i64x2.add
            (v128.load (i32.add (local.get $mine) (local.get $i)))
            (v128.load (i32.add (local.get $other) (local.get $i)))))
        (v128.store (i32.add (local.get $z) (local.get $i))
          (v128.and
            (i64x2.add
              (i64x2.add
                (v128.load (i32.add (local.get $r2) (local.get $i)))
                (i64x2.shl
                  (i64x2.mul (local.get $e) (v128.load (i32.add (local.get $r) (local.get $i))))
                  (i32.const 1)))
              (v128.and (i64x2.mul (local.get $e) (local.get $e)) (local.get $vlead)))
            (local.get $vmask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))
;; The boolean Beaver AND's opening (protocols/comparison/boolean/and-kernels.ts): d = x ⊕ a, e = y ⊕ b.
  (func (export "and_mask")
    (param $x i32) (param $a i32) (param $y i32) (param $b i32) (param $d i32) (param $e i32)
    (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32)
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $d) (local.get $i))
          (v128.xor
            (v128.load (i32.add (local.get $x) (local.get $i)))
            (v128.load (i32.add (local.get $a) (local.get $i)))))
        (v128.store (i32.add (local.get $e) (local.get $i))
          (v128.xor
            (v128.load (i32.add (local.get $y) (local.get $i)))
            (v128.load (i32.add (local.get $b) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; Its combination (and-kernels.ts combineAndLead / combineAndOther), d = d0 ⊕ d1 and e = e0 ⊕ e1 from the
  ;; halves of mine and other: z = c ⊕ (d ∧ b) ⊕ (e ∧ a) ⊕ (d ∧ e ∧ lead), lead all ones at party 0.
  (func (export "and_combine")
    (param $c i32) (param $a i32) (param $b i32) (param $d0 i32) (param $e0 i32) (param $d1 i32) (param $e1 i32)
    (param $z i32) (param $lead i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vlead v128) (local $d v128) (local $e v128)
    (local.set $vlead (i64x2.splat (local.get $lead)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $d
          (v128.xor
            (v128.load (i32.add (local.get $d0) (local.get $i)))
            (v128.load (i32.add (local.get $d1) (local.get $i)))))
        (local.set $e
          (v128.xor
            (v128.load (i32.add (local.get $e0) (local.get $i)))
            (v128.load (i32.add (local.get $e1) (local.get $i)))))
        (v128.store (i32.add (local.get $z) (local.get $i))
          (v128.xor
            (v128.xor
              (v128.load (i32.add (local.get $c) (local.get $i)))
              (v128.and (local.get $d) (v128.load (i32.add (local.get $b) (local.get $i)))))
            (v128.xor
              (v128.and (local.get $e) (v128.load (i32.add (local.get $a) (local.get $i))))
              (v128.and (v128.and (local.get $d) (local.get $e)) (local.get $vlead)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; The adder's last step (protocols/comparison/adder.ts): sum = p ⊕ ((s ≪ 1) ∧ mask), written over p.
  (func (export "adder_finish") (param $p i32) (param $s i32) (param $mask i64) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vmask v128)
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $p) (local.get $i))
          (v128.xor
            (v128.load (i32.add (local.get $p) (local.get $i)))
            (v128.and
              (i64x2.shl (v128.load (i32.add (local.get $s) (local.get $i))) (i32.const 1))
              (local.get $vmask))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; B2A's unmasking (protocols/comparison/b2a.ts): out = (r − 2·z·r + (z ∧ lead)) ∧ mask, lead all ones at
  ;; party 0 (the JavaScript form multiplies z by lead = 1).
  (func (export "b2a_unmask") (param $r i32) (param $z i32) (param $out i32) (param $lead i64) (param $mask i64)
    (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $vlead v128) (local $vmask v128) (local $vr v128) (local $vz v128)
    (local.set $vlead (i64x2.splat (local.get $lead)))
    (local.set $vmask (i64x2.splat (local.get $mask)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $vr (v128.load (i32.add (local.get $r) (local.get $i))))
        (local.set $vz (v128.load (i32.add (local.get $z) (local.get $i))))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (v128.and
            (i64x2.add
              (i64x2.sub
                (local.get $vr)
                (i64x2.shl (i64x2.mul (local.get $vz) (local.get $vr)) (i32.const 1)))
              (v128.and (local.get $vz) (local.get $vlead)))
            (local.get $vmask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; Bit j of every word (core/ring-kernels.ts bitOfWords): out = (w ≫ j) ∧ 1.
  (func (export "bit_at") (param $w i32) (param $out i32) (param $j i32) (param $lo i32) (param $hi i32)
    (local $i i32) (local $end i32) (local $one v128)
    (local.set $one (i64x2.splat (i64.const 1)))
    (local.set $i (i32.shl (local.get $lo) (i32.const 3)))
    (local.set $end (i32.shl (local.get $hi) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (v128.and
            (i64x2.shr_u (v128.load (i32.add (local.get $w) (local.get $i))) (local.get $j))
            (local.get $one)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; Ring matrix product (core/ring-matmul.ts): out[r, ·] += A[r, ·]·B for the rows r in [r0, r1) of an
  ;; [m, k]·[k, n] product over Z_2^64, wrapping lanes (callers mask). Row blocks of two and column blocks
  ;; of eight keep sixteen partial sums in registers while a row of B streams past; single rows, column
  ;; pairs and an odd last column take narrower panels. Every panel runs the whole inner dimension and
  ;; adds its sums into out once.

  (func $panel_2x8 (param $a0 i32) (param $a1 i32) (param $b i32) (param $o0 i32) (param $o1 i32) (param $kb i32) (param $nb i32)
    (local $p i32) (local $bp i32) (local $a v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    (local.set $bp (local.get $b))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $kb)))
        (local.set $b0 (v128.load offset=0 (local.get $bp)))
        (local.set $b1 (v128.load offset=16 (local.get $bp)))
        (local.set $b2 (v128.load offset=32 (local.get $bp)))
        (local.set $b3 (v128.load offset=48 (local.get $bp)))
        (local.set $a (v128.load64_splat (i32.add (local.get $a0) (local.get $p))))
        (local.set $c00 (i64x2.add (local.get $c00) (i64x2.mul (local.get $a) (local.get $b0))))
        (local.set $c01 (i64x2.add (local.get $c01) (i64x2.mul (local.get $a) (local.get $b1))))
        (local.set $c02 (i64x2.add (local.get $c02) (i64x2.mul (local.get $a) (local.get $b2))))
        (local.set $c03 (i64x2.add (local.get $c03) (i64x2.mul (local.get $a) (local.get $b3))))
        (local.set $a (v128.load64_splat (i32.add (local.get $a1) (local.get $p))))
        (local.set $c10 (i64x2.add (local.get $c10) (i64x2.mul (local.get $a) (local.get $b0))))
        (local.set $c11 (i64x2.add (local.get $c11) (i64x2.mul (local.get $a) (local.get $b1))))
        (local.set $c12 (i64x2.add (local.get $c12) (i64x2.mul (local.get $a) (local.get $b2))))
        (local.set $c13 (i64x2.add (local.get $c13) (i64x2.mul (local.get $a) (local.get $b3))))
        (local.set $bp (i32.add (local.get $bp) (local.get $nb)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $next)))
    (v128.store offset=0 (local.get $o0) (i64x2.add (v128.load offset=0 (local.get $o0)) (local.get $c00)))
    (v128.store offset=16 (local.get $o0) (i64x2.add (v128.load offset=16 (local.get $o0)) (local.get $c01)))
    (v128.store offset=32 (local.get $o0) (i64x2.add (v128.load offset=32 (local.get $o0)) (local.get $c02)))
    (v128.store offset=48 (local.get $o0) (i64x2.add (v128.load offset=48 (local.get $o0)) (local.get $c03)))
    (v128.store offset=0 (local.get $o1) (i64x2.add (v128.load offset=0 (local.get $o1)) (local.get $c10)))
    (v128.store offset=16 (local.get $o1) (i64x2.add (v128.load offset=16 (local.get $o1)) (local.get $c11)))
    (v128.store offset=32 (local.get $o1) (i64x2.add (v128.load offset=32 (local.get $o1)) (local.get $c12)))
    (v128.store offset=48 (local.get $o1) (i64x2.add (v128.load offset=48 (local.get $o1)) (local.get $c13))))

  (func $panel_1x8 (param $a0 i32) (param $b i32) (param $o0 i32) (param $kb i32) (param $nb i32)
    (local $p i32) (local $bp i32) (local $a v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128)
    (local.set $bp (local.get $b))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $kb)))
        (local.set $b0 (v128.load offset=0 (local.get $bp)))
        (local.set $b1 (v128.load offset=16 (local.get $bp)))
        (local.set $b2 (v128.load offset=32 (local.get $bp)))
        (local.set $b3 (v128.load offset=48 (local.get $bp)))
        (local.set $a (v128.load64_splat (i32.add (local.get $a0) (local.get $p))))
        (local.set $c00 (i64x2.add (local.get $c00) (i64x2.mul (local.get $a) (local.get $b0))))
        (local.set $c01 (i64x2.add (local.get $c01) (i64x2.mul (local.get $a) (local.get $b1))))
        (local.set $c02 (i64x2.add (local.get $c02) (i64x2.mul (local.get $a) (local.get $b2))))
        (local.set $c03 (i64x2.add (local.get $c03) (i64x2.mul (local.get $a) (local.get $b3))))
        (local.set $bp (i32.add (local.get $bp) (local.get $nb)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $next)))
    (v128.store offset=0 (local.get $o0) (i64x2.add (v128.load offset=0 (local.get $o0)) (local.get $c00)))
    (v128.store offset=16 (local.get $o0) (i64x2.add (v128.load offset=16 (local.get $o0)) (local.get $c01)))
    (v128.store offset=32 (local.get $o0) (i64x2.add (v128.load offset=32 (local.get $o0)) (local.get $c02)))
    (v128.store offset=48 (local.get $o0) (i64x2.add (v128.load offset=48 (local.get $o0)) (local.get $c03))))

  (func $panel_2x2 (param $a0 i32) (param $a1 i32) (param $b i32) (param $o0 i32) (param $o1 i32) (param $kb i32) (param $nb i32)
    (local $p i32) (local $bp i32) (local $a v128) (local $b0 v128)
    (local $c00 v128)
    (local $c10 v128)
    (local.set $bp (local.get $b))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $kb)))
        (local.set $b0 (v128.load offset=0 (local.get $bp)))
        (local.set $a (v128.load64_splat (i32.add (local.get $a0) (local.get $p))))
        (local.set $c00 (i64x2.add (local.get $c00) (i64x2.mul (local.get $a) (local.get $b0))))
        (local.set $a (v128.load64_splat (i32.add (local.get $a1) (local.get $p))))
        (local.set $c10 (i64x2.add (local.get $c10) (i64x2.mul (local.get $a) (local.get $b0))))
        (local.set $bp (i32.add (local.get $bp) (local.get $nb)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $next)))
    (v128.store offset=0 (local.get $o0) (i64x2.add (v128.load offset=0 (local.get $o0)) (local.get $c00)))
    (v128.store offset=0 (local.get $o1) (i64x2.add (v128.load offset=0 (local.get $o1)) (local.get $c10))))

  (func $panel_1x2 (param $a0 i32) (param $b i32) (param $o0 i32) (param $kb i32) (param $nb i32)
    (local $p i32) (local $bp i32) (local $a v128) (local $b0 v128)
    (local $c00 v128)
    (local.set $bp (local.get $b))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $kb)))
        (local.set $b0 (v128.load offset=0 (local.get $bp)))
        (local.set $a (v128.load64_splat (i32.add (local.get $a0) (local.get $p))))
        (local.set $c00 (i64x2.add (local.get $c00) (i64x2.mul (local.get $a) (local.get $b0))))
        (local.set $bp (i32.add (local.get $bp) (local.get $nb)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $next)))
    (v128.store offset=0 (local.get $o0) (i64x2.add (v128.load offset=0 (local.get $o0)) (local.get $c00))))

  ;; One column of one row: a scalar dot product.
  (func $panel_1x1 (param $a i32) (param $b i32) (param $o i32) (param $kb i32) (param $nb i32)
    (local $p i32) (local $bp i32) (local $s i64)
    (local.set $bp (local.get $b))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $kb)))
        (local.set $s
          (i64.add (local.get $s) (i64.mul (i64.load (i32.add (local.get $a) (local.get $p))) (i64.load (local.get $bp)))))
        (local.set $bp (i32.add (local.get $bp) (local.get $nb)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $next)))
    (i64.store (local.get $o) (i64.add (i64.load (local.get $o)) (local.get $s))))

  ;; Rows [r0, r1) of out += A·B, A [m, k], B [k, n], out [m, n] at byte addresses A, B, out.
  (func (export "matmul_rows")
    (param $A i32) (param $B i32) (param $out i32) (param $k i32) (param $n i32) (param $r0 i32) (param $r1 i32)
    (local $kb i32) (local $nb i32) (local $i i32) (local $j i32) (local $jb i32) (local $n8 i32) (local $n2 i32)
    (local $a0 i32) (local $a1 i32) (local $o0 i32) (local $o1 i32)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $n8 (i32.and (local.get $n) (i32.const -8)))
    (local.set $n2 (i32.and (local.get $n) (i32.const -2)))
    (local.set $i (local.get $r0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $r1)))
        (local.set $a0 (i32.add (local.get $A) (i32.mul (local.get $i) (local.get $kb))))
        (local.set $o0 (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $nb))))
        (local.set $a1 (i32.add (local.get $a0) (local.get $kb)))
        (local.set $o1 (i32.add (local.get $o0) (local.get $nb)))
        (local.set $j (i32.const 0))
        (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $r1))
          (then
            ;; two rows
            (block $wideDone
              (loop $wide
                (br_if $wideDone (i32.ge_u (local.get $j) (local.get $n8)))
                (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
                (call $panel_2x8 (local.get $a0) (local.get $a1) (i32.add (local.get $B) (local.get $jb))
                  (i32.add (local.get $o0) (local.get $jb)) (i32.add (local.get $o1) (local.get $jb))
                  (local.get $kb) (local.get $nb))
                (local.set $j (i32.add (local.get $j) (i32.const 8)))
                (br $wide)))
            (block $pairDone
              (loop $pair
                (br_if $pairDone (i32.ge_u (local.get $j) (local.get $n2)))
                (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
                (call $panel_2x2 (local.get $a0) (local.get $a1) (i32.add (local.get $B) (local.get $jb))
                  (i32.add (local.get $o0) (local.get $jb)) (i32.add (local.get $o1) (local.get $jb))
                  (local.get $kb) (local.get $nb))
                (local.set $j (i32.add (local.get $j) (i32.const 2)))
                (br $pair)))
            (if (i32.lt_u (local.get $j) (local.get $n))
              (then
                (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
                (call $panel_1x1 (local.get $a0) (i32.add (local.get $B) (local.get $jb))
                  (i32.add (local.get $o0) (local.get $jb)) (local.get $kb) (local.get $nb))
                (call $panel_1x1 (local.get $a1) (i32.add (local.get $B) (local.get $jb))
                  (i32.add (local.get $o1) (local.get $jb)) (local.get $kb) (local.get $nb))))
            (local.set $i (i32.add (local.get $i) (i32.const 2))))
          (else
            ;; the last odd row
            (block $wideDone1
              (loop $wide1
                (br_if $wideDone1 (i32.ge_u (local.get $j) (local.get $n8)))
                (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
                (call $panel_1x8 (local.get $a0) (i32.add (local.get $B) (local.get $jb))
                  (i32.add (local.get $o0) (local.get $jb)) (local.get $kb) (local.get $nb))
                (local.set $j (i32.add (local.get $j) (i32.const 8)))
                (br $wide1)))
            (block $pairDone1
              (loop $pair1
                (br_if $pairDone1 (i32.ge_u (local.get $j) (local.get $n2)))
                (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
                (call $panel_1x2 (local.get $a0) (i32.add (local.get $B) (local.get $jb))
                  (i32.add (local.get $o0) (local.get $jb)) (local.get $kb) (local.get $nb))
                (local.set $j (i32.add (local.get $j) (i32.const 2)))
                (br $pair1)))
            (if (i32.lt_u (local.get $j) (local.get $n))
              (then
                (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
                (call $panel_1x1 (local.get $a0) (i32.add (local.get $B) (local.get $jb))
                  (i32.add (local.get $o0) (local.get $jb)) (local.get $kb) (local.get $nb))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (br $rows))))
)
