//go:build !purego

#include "textflag.h"

// addExps's constants, as its Go code rounds them.
DATA expc<>+0(SB)/8, $0x40771547652b82fe  // 256/ln 2
DATA expc<>+8(SB)/8, $0x4338000000000000  // the shifter, 0x1.8p52
DATA expc<>+16(SB)/8, $0x3f662e42fee00000 // ln 2/256, high part
DATA expc<>+24(SB)/8, $0x3d6a39ef35793c76 // ln 2/256, low part
DATA expc<>+32(SB)/8, $0x3f81111111111111 // 1/120
DATA expc<>+40(SB)/8, $0x3fa5555555555555 // 1/24
DATA expc<>+48(SB)/8, $0x3fc5555555555555 // 1/6
DATA expc<>+56(SB)/8, $0x3fe0000000000000 // 1/2
DATA expc<>+64(SB)/8, $0x3ff0000000000000 // 1, four times
DATA expc<>+72(SB)/8, $0x3ff0000000000000
DATA expc<>+80(SB)/8, $0x3ff0000000000000
DATA expc<>+88(SB)/8, $0x3ff0000000000000
DATA expc<>+96(SB)/8, $255                // the table's index bits
GLOBL expc<>(SB), RODATA|NOPTR, $104

// func addExps4(s float64, xs *float64, n4 int) float64
//
// addExps over xs[0:n4], n4 a multiple of 4: four exps at a time, each
// lane with addExps's operations in its order (each one IEEE rounding, no
// fused multiply-add: the Go loop rounds each product before its add), the
// table read by a gather; then the four added to s one by one, in order,
// as the loop adds them.
TEXT ·addExps4(SB), NOSPLIT, $0-32
	VMOVSD       s+0(FP), X7
	MOVQ         xs+8(FP), SI
	MOVQ         n4+16(FP), CX
	LEAQ         ·expTable(SB), R8
	VBROADCASTSD expc<>+0(SB), Y15
	VBROADCASTSD expc<>+8(SB), Y14
	VBROADCASTSD expc<>+16(SB), Y13
	VBROADCASTSD expc<>+24(SB), Y12
	VBROADCASTSD expc<>+32(SB), Y11
	VBROADCASTSD expc<>+40(SB), Y10
	VBROADCASTSD expc<>+48(SB), Y9
	VBROADCASTSD expc<>+56(SB), Y8
	VPBROADCASTQ expc<>+96(SB), Y6
	XORQ         AX, AX

loop:
	CMPQ       AX, CX
	JGE        done
	VMOVUPD    (SI)(AX*8), Y0          // x
	VMULPD     Y15, Y0, Y1
	VADDPD     Y14, Y1, Y1             // t = x·256/ln 2 + shifter
	VSUBPD     Y14, Y1, Y2             // kf = t − shifter
	VPSUBQ     Y14, Y1, Y1             // k: t's bits − the shifter's
	VMULPD     Y13, Y2, Y3
	VSUBPD     Y3, Y0, Y3
	VMULPD     Y12, Y2, Y4
	VSUBPD     Y4, Y3, Y3              // r = (x − kf·hi) − kf·lo
	VMULPD     Y11, Y3, Y4
	VADDPD     Y10, Y4, Y4
	VMULPD     Y4, Y3, Y4
	VADDPD     Y9, Y4, Y4
	VMULPD     Y4, Y3, Y4
	VADDPD     Y8, Y4, Y4
	VMULPD     Y4, Y3, Y4
	VADDPD     expc<>+64(SB), Y4, Y4
	VMULPD     Y4, Y3, Y4              // q = r·(1 + r·(1/2 + r·(1/6 + r·(1/24 + r/120))))
	VPAND      Y6, Y1, Y2              // k & 255
	VPCMPEQQ   Y5, Y5, Y5
	VGATHERQPD Y5, (R8)(Y2*8), Y3      // tj
	VMULPD     Y4, Y3, Y4
	VADDPD     Y4, Y3, Y4              // v = tj + tj·q
	VPANDN     Y1, Y6, Y1
	VPSLLQ     $44, Y1, Y1             // (k >> 8) << 52: k's bits 8…19 moved to 52…63
	VPADDQ     Y1, Y4, Y4              // v·2^(k>>8)
	VADDSD     X4, X7, X7              // s += each, in order
	VPERMILPD  $1, X4, X5
	VADDSD     X5, X7, X7
	VEXTRACTF128 $1, Y4, X5
	VADDSD     X5, X7, X7
	VPERMILPD  $1, X5, X5
	VADDSD     X5, X7, X7
	ADDQ       $4, AX
	JMP        loop

done:
	VZEROUPPER
	VMOVSD X7, ret+24(FP)
	RET
