//go:build !purego

#include "textflag.h"

// func euclidean4(ni float64, norms, row *float64, n4 int)
//
// Four distances at a time, each with fromGram's roundings in its order:
// (ni + nⱼ) − (gⱼ + gⱼ) (2g is exact either way), kept where it is not ≤ 0
// (a NaN too: NLE_UQ is true for unordered), else +0, then its square
// root. Each of these is one correctly rounded IEEE operation per lane, so
// the bits are math.Sqrt(nonNegative(ni + nⱼ − 2gⱼ))'s.
TEXT ·euclidean4(SB), NOSPLIT, $0-32
	VBROADCASTSD ni+0(FP), Y0
	MOVQ         norms+8(FP), SI
	MOVQ         row+16(FP), DI
	MOVQ         n4+24(FP), CX
	VXORPD       Y4, Y4, Y4
	XORQ         AX, AX

loop:
	CMPQ    AX, CX
	JGE     done
	VMOVUPD (DI)(AX*8), Y1
	VADDPD  (SI)(AX*8), Y0, Y2
	VADDPD  Y1, Y1, Y1
	VSUBPD  Y1, Y2, Y2
	VCMPPD  $0x16, Y4, Y2, Y3 // !(t ≤ 0)
	VANDPD  Y3, Y2, Y2
	VSQRTPD Y2, Y2
	VMOVUPD Y2, (DI)(AX*8)
	ADDQ    $4, AX
	JMP     loop

done:
	VZEROUPPER
	RET
