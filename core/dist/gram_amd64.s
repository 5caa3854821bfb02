//go:build !purego

#include "textflag.h"

// func gram2x4(a0, a1, b *float64, ldb, n4, d int, out *float64, ldo int)
//
// For each group of four columns (rows R8, R9, R10, R11 of b), chunk by
// chunk of 64 components: Y0…Y3 hold row a0's four running sums with the
// four columns, Y4…Y7 row a1's, one sum per lane (lane l: the components
// ≡ l mod 4). The components past the chunk's last multiple of 4 go to lane
// 0 as (a·b, 0, 0, 0): adding +0 leaves the other sums unchanged, as they
// are never −0. Each chunk's sums become (s0 + s2) + (s1 + s3), added to
// the output, which starts at 0. Every rounding is gonum's DotUnitary's.
TEXT ·gram2x4(SB), NOSPLIT, $0-64
	MOVQ a0+0(FP), SI
	MOVQ a1+8(FP), DI
	MOVQ b+16(FP), R8
	MOVQ n4+32(FP), CX
	MOVQ out+48(FP), DX

group:
	CMPQ CX, $0
	JLE  done
	MOVQ ldb+24(FP), R12
	SHLQ $3, R12
	LEAQ (R8)(R12*1), R9
	LEAQ (R9)(R12*1), R10
	LEAQ (R10)(R12*1), R11
	MOVQ ldo+56(FP), AX
	SHLQ $3, AX
	VXORPD  Y15, Y15, Y15
	VMOVUPD Y15, (DX)
	VMOVUPD Y15, (DX)(AX*1)
	XORQ    BX, BX        // chunk start

chunk:
	MOVQ d+40(FP), R13
	CMPQ BX, R13
	JGE  groupdone
	LEAQ 64(BX), R12
	CMPQ R12, R13
	JGE  lastchunk
	MOVQ R12, R13         // R13: chunk end

lastchunk:
	MOVQ R13, R12
	SUBQ BX, R12
	ANDQ $-4, R12
	ADDQ BX, R12          // R12: end of the chunk's whole groups of 4
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	MOVQ   BX, AX         // component index

quads:
	CMPQ    AX, R12
	JGE     tail
	VMOVUPD (SI)(AX*8), Y8
	VMOVUPD (DI)(AX*8), Y9
	VMOVUPD (R8)(AX*8), Y10
	VMULPD  Y10, Y8, Y11
	VADDPD  Y11, Y0, Y0
	VMULPD  Y10, Y9, Y12
	VADDPD  Y12, Y4, Y4
	VMOVUPD (R9)(AX*8), Y10
	VMULPD  Y10, Y8, Y11
	VADDPD  Y11, Y1, Y1
	VMULPD  Y10, Y9, Y12
	VADDPD  Y12, Y5, Y5
	VMOVUPD (R10)(AX*8), Y10
	VMULPD  Y10, Y8, Y11
	VADDPD  Y11, Y2, Y2
	VMULPD  Y10, Y9, Y12
	VADDPD  Y12, Y6, Y6
	VMOVUPD (R11)(AX*8), Y10
	VMULPD  Y10, Y8, Y11
	VADDPD  Y11, Y3, Y3
	VMULPD  Y10, Y9, Y12
	VADDPD  Y12, Y7, Y7
	ADDQ    $4, AX
	JMP     quads

tail:
	CMPQ   AX, R13
	JGE    reduce
	VMOVSD (SI)(AX*8), X8 // (a0, 0): the upper lanes zeroed
	VMOVSD (DI)(AX*8), X9
	VMULSD (R8)(AX*8), X8, X10
	VADDPD Y10, Y0, Y0
	VMULSD (R8)(AX*8), X9, X10
	VADDPD Y10, Y4, Y4
	VMULSD (R9)(AX*8), X8, X10
	VADDPD Y10, Y1, Y1
	VMULSD (R9)(AX*8), X9, X10
	VADDPD Y10, Y5, Y5
	VMULSD (R10)(AX*8), X8, X10
	VADDPD Y10, Y2, Y2
	VMULSD (R10)(AX*8), X9, X10
	VADDPD Y10, Y6, Y6
	VMULSD (R11)(AX*8), X8, X10
	VADDPD Y10, Y3, Y3
	VMULSD (R11)(AX*8), X9, X10
	VADDPD Y10, Y7, Y7
	INCQ   AX
	JMP    tail

reduce:
	MOVQ ldo+56(FP), AX
	SHLQ $3, AX

// FOLD4 turns the sums of four columns in A, B, C, D into their
// (s0 + s2) + (s1 + s3), side by side, and adds them to the four outputs
// at M: the halves' sums [A0+A2, A1+A3, C0+C2, C1+C3] and B's and D's,
// then VHADDPD's pairwise sums, in the order each column's fold adds.
#define FOLD4(A, B, C, D, M) \
	VPERM2F128 $0x20, C, A, Y8;  \
	VPERM2F128 $0x31, C, A, Y9;  \
	VADDPD     Y9, Y8, Y8;       \
	VPERM2F128 $0x20, D, B, Y9;  \
	VPERM2F128 $0x31, D, B, Y10; \
	VADDPD     Y10, Y9, Y9;      \
	VHADDPD    Y9, Y8, Y8;       \
	VADDPD     M, Y8, Y8;        \
	VMOVUPD    Y8, M

	FOLD4(Y0, Y1, Y2, Y3, (DX))
	FOLD4(Y4, Y5, Y6, Y7, (DX)(AX*1))
	ADDQ $64, BX
	JMP  chunk

groupdone:
	MOVQ ldb+24(FP), R12
	SHLQ $3, R12
	LEAQ (R11)(R12*1), R8
	ADDQ $32, DX
	SUBQ $4, CX
	JMP  group

done:
	VZEROUPPER
	RET
