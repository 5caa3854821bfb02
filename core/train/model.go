package train

import (
	"math"
	"math/rand/v2"
)

// network maps inputs to 2-D embeddings with a flat parameter vector θ:
//   - free: θ is N×2, row i the embedding of point i;
//   - linear: θ is the D×2 matrix W, e = xW;
//   - mlp: θ is W1 (D×H), b1 (H), W2 (H×2), b2 (2), e = tanh(xW1 + b1)W2 + b2.
type network struct {
	kind ModelID
	n, d int // points and input dimension
}

// size is the number of parameters.
func (m network) size() int {
	switch m.kind {
	case Free:
		return m.n * 2
	case Linear:
		return m.d * 2
	}
	return m.d*Hidden + Hidden + Hidden*2 + 2
}

// Offsets of the mlp's parts in θ.
func (m network) w1() int { return 0 }
func (m network) b1() int { return m.d * Hidden }
func (m network) w2() int { return m.d*Hidden + Hidden }
func (m network) b2() int { return m.d*Hidden + Hidden + Hidden*2 }

// initParams draws the initial θ: Gaussian weights of variance 1/fan-in,
// zero biases; the free model's embeddings are Gaussian of deviation
// FreeInitSD around the origin, unrelated to the inputs, so that what the
// loss builds from noise is visible.
func (m network) initParams(r *rand.Rand) []float64 {
	theta := make([]float64, m.size())
	switch m.kind {
	case Free:
		for i := range theta {
			theta[i] = FreeInitSD * r.NormFloat64()
		}
	case Linear:
		for i := range theta {
			theta[i] = r.NormFloat64() / math.Sqrt(float64(m.d))
		}
	case MLP:
		for i := m.w1(); i < m.b1(); i++ {
			theta[i] = r.NormFloat64() / math.Sqrt(float64(m.d))
		}
		for i := m.w2(); i < m.b2(); i++ {
			theta[i] = r.NormFloat64() / math.Sqrt(Hidden)
		}
	}
	return theta
}

// embed writes the embedding of point i (input x) into out (2 values) and,
// for the mlp, the hidden activations into hidden (Hidden values).
func (m network) embed(theta, x []float64, i int, out, hidden []float64) {
	switch m.kind {
	case Free:
		out[0], out[1] = theta[2*i], theta[2*i+1]
	case Linear:
		var e0, e1 float64
		for j, v := range x {
			e0 += v * theta[2*j]
			e1 += v * theta[2*j+1]
		}
		out[0], out[1] = e0, e1
	case MLP:
		w1, b1, w2, b2 := theta[m.w1():m.b1()], theta[m.b1():m.w2()], theta[m.w2():m.b2()], theta[m.b2():]
		e0, e1 := b2[0], b2[1]
		for h := range Hidden {
			a := b1[h]
			for j, v := range x {
				a += v * w1[j*Hidden+h]
			}
			t := math.Tanh(a)
			hidden[h] = t
			e0 += t * w2[2*h]
			e1 += t * w2[2*h+1]
		}
		out[0], out[1] = e0, e1
	}
}

// backward adds ∂L/∂θ for point i to grad, given g = ∂L/∂e (2 values) and
// the hidden activations embed wrote.
func (m network) backward(theta, x []float64, i int, g, hidden, grad []float64) {
	switch m.kind {
	case Free:
		grad[2*i] += g[0]
		grad[2*i+1] += g[1]
	case Linear:
		for j, v := range x {
			grad[2*j] += v * g[0]
			grad[2*j+1] += v * g[1]
		}
	case MLP:
		w2 := theta[m.w2():m.b2()]
		gw1, gb1, gw2, gb2 := grad[m.w1():m.b1()], grad[m.b1():m.w2()], grad[m.w2():m.b2()], grad[m.b2():]
		gb2[0] += g[0]
		gb2[1] += g[1]
		for h := range Hidden {
			t := hidden[h]
			gw2[2*h] += t * g[0]
			gw2[2*h+1] += t * g[1]
			// tanh' = 1 − tanh²
			ga := (w2[2*h]*g[0] + w2[2*h+1]*g[1]) * (1 - t*t)
			if ga == 0 {
				continue
			}
			gb1[h] += ga
			for j, v := range x {
				gw1[j*Hidden+h] += v * ga
			}
		}
	}
}

// project puts e onto the unit circle, returning the norm before; a zero
// vector stays zero (it has no direction).
func project(e []float64) float64 {
	r := math.Hypot(e[0], e[1])
	if r > 0 {
		e[0], e[1] = e[0]/r, e[1]/r
	}
	return r
}

// projectGrad turns ∂L/∂z at z = e/|e| into ∂L/∂e = (g − (g·z)z)/|e|: the
// component along the tangent, scaled by the inverse radius.
func projectGrad(z, g []float64, r float64) {
	if r == 0 {
		g[0], g[1] = 0, 0
		return
	}
	dot := g[0]*z[0] + g[1]*z[1]
	g[0] = (g[0] - dot*z[0]) / r
	g[1] = (g[1] - dot*z[1]) / r
}
