// The one-pass kernel of the torch engine's one-pass training path (TrainingPath.OnePass in C#).
//
// The canonical autograd epoch reads X twice: z = Xw in the forward pass and Xᵀℓ′ in the backward pass, each a full
// sweep of memory. This kernel reads each row xᵢ once and uses it twice while it is in L1: its score
// zᵢ = xᵢ·w + b, its loss ℓ(zᵢ, yᵢ) and slope ℓ′(zᵢ, yᵢ), then its contribution ℓ′ᵢ·(xᵢ, 1) to the gradient. The
// formulas are the reference's (src/Reference/Losses, src/Reference/Models/EmpiricalRisk.cs):
//   squared error  ℓ = (z − y)²                     ℓ′ = 2(z − y)      so ∇_w = (2/n) Xᵀ(ŷ − y)
//   log-loss       ℓ = max(z, 0) + log1p(e^−|z|) − y·z   ℓ′ = σ(z) − y  so ∇_w = (1/n) Xᵀ(σ − y)
// with σ(z) = 1/(1 + e^−z) for z ≥ 0 and e^z/(1 + e^z) for z < 0, both from one e = e^−|z| (never overflows).
//
// The export returns unnormalised sums over a range of rows; the C# side (OnePassKernel.cs) owns the policy: how the
// rows are split between threads and into chunks, the fixed order in which the partial sums are added, and the
// division by n. The tests compare the result with autograd's gradient and with the reference's.
#include "bridge.h"
#include <algorithm>
#include <cmath>

#if defined(__x86_64__)
#include <immintrin.h>
#define TL_X86 1
#endif

#if defined(TL_X86) && defined(TL_HAVE_LIBMVEC)
// glibc's vector math library (libmvec, glibc ≥ 2.35 for log1p): the AVX2 four-lane forms of exp and log1p,
// accurate to within 4 ulp. The "_ZGVdN4v_" names are the x86-64 vector function ABI for AVX2.
extern "C" __m256d _ZGVdN4v_exp(__m256d);
extern "C" __m256d _ZGVdN4v_log1p(__m256d);
#endif

namespace {

// Loss codes shared with C#'s ModelKind: 0 = linear regression (squared error), 1 = logistic regression (log-loss).
struct SquaredError {
  static void apply(double z, double y, double& value, double& slope) {
    double r = z - y;
    value = r * r;
    slope = 2.0 * r;
  }
};

struct LogLoss {
  static void apply(double z, double y, double& value, double& slope) {
    double e = std::exp(-std::fabs(z));
    value = std::max(z, 0.0) + std::log1p(e) - y * z;
    slope = (z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e)) - y;
  }
};

// The sums a range of rows contributes: sums[j] = Σ ℓ′ᵢxᵢⱼ (j < d), sums[d] = Σ ℓ′ᵢ, sums[d + 1] = Σ ℓᵢ.
struct Rows {
  const double* x;  // n×d, row-major
  const double* y;
  const double* w;
  double b;
  int64_t d;
};

template <class Loss>
void sums_scalar(const Rows& r, int64_t begin, int64_t end, double* sums) {
  const int64_t d = r.d;
  for (int64_t i = begin; i < end; ++i) {
    const double* xi = r.x + i * d;
    double z = r.b;
    for (int64_t j = 0; j < d; ++j) z += xi[j] * r.w[j];
    double value, slope;
    Loss::apply(z, r.y[i], value, slope);
    for (int64_t j = 0; j < d; ++j) sums[j] += slope * xi[j];
    sums[d] += slope;
    sums[d + 1] += value;
  }
}

#if defined(TL_X86)
#define TL_AVX2 __attribute__((target("avx2,fma")))

TL_AVX2 inline double horizontal_sum(__m256d v) {
  __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
  return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
}

// xᵢ·w with eight partial sums (two four-lane accumulators), then the tail.
TL_AVX2 inline double dot(const double* x, const double* w, int64_t d) {
  __m256d a0 = _mm256_setzero_pd(), a1 = _mm256_setzero_pd();
  int64_t j = 0;
  for (; j + 8 <= d; j += 8) {
    a0 = _mm256_fmadd_pd(_mm256_loadu_pd(x + j), _mm256_loadu_pd(w + j), a0);
    a1 = _mm256_fmadd_pd(_mm256_loadu_pd(x + j + 4), _mm256_loadu_pd(w + j + 4), a1);
  }
  if (j + 4 <= d) {
    a0 = _mm256_fmadd_pd(_mm256_loadu_pd(x + j), _mm256_loadu_pd(w + j), a0);
    j += 4;
  }
  double s = horizontal_sum(_mm256_add_pd(a0, a1));
  for (; j < d; ++j) s += x[j] * w[j];
  return s;
}

// g += a₀x₀ + a₁x₁ + a₂x₂ + a₃x₃ for four consecutive rows x₀ … x₃ (d apart), added to g one row after the other —
// the order of four single updates, with g loaded and stored once per four rows instead of once per row.
TL_AVX2 inline void axpy4(const double a[4], const double* x0, int64_t d, double* g) {
  const __m256d a0 = _mm256_set1_pd(a[0]), a1 = _mm256_set1_pd(a[1]), a2 = _mm256_set1_pd(a[2]), a3 = _mm256_set1_pd(a[3]);
  int64_t j = 0;
  for (; j + 4 <= d; j += 4) {
    __m256d sum = _mm256_loadu_pd(g + j);
    sum = _mm256_fmadd_pd(a0, _mm256_loadu_pd(x0 + j), sum);
    sum = _mm256_fmadd_pd(a1, _mm256_loadu_pd(x0 + d + j), sum);
    sum = _mm256_fmadd_pd(a2, _mm256_loadu_pd(x0 + 2 * d + j), sum);
    sum = _mm256_fmadd_pd(a3, _mm256_loadu_pd(x0 + 3 * d + j), sum);
    _mm256_storeu_pd(g + j, sum);
  }
  for (; j < d; ++j)
    for (int k = 0; k < 4; ++k) g[j] += a[k] * x0[k * d + j];
}

// The loss and its slope for four scores at once.
template <class Loss>
struct Lanes;

template <>
struct Lanes<SquaredError> {
  TL_AVX2 static void apply(__m256d z, __m256d y, __m256d& value, __m256d& slope) {
    __m256d r = _mm256_sub_pd(z, y);
    value = _mm256_mul_pd(r, r);
    slope = _mm256_add_pd(r, r);
  }
};

template <>
struct Lanes<LogLoss> {
  TL_AVX2 static void apply(__m256d z, __m256d y, __m256d& value, __m256d& slope) {
#if defined(TL_HAVE_LIBMVEC)
    const __m256d zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1.0);
    __m256d e = _ZGVdN4v_exp(_mm256_or_pd(z, _mm256_set1_pd(-0.0)));  // e^−|z|: the sign bit set
    __m256d denominator = _mm256_add_pd(one, e);
    __m256d sigma = _mm256_blendv_pd(_mm256_div_pd(e, denominator), _mm256_div_pd(one, denominator),
                                     _mm256_cmp_pd(z, zero, _CMP_GE_OQ));
    slope = _mm256_sub_pd(sigma, y);
    // A NaN score makes e, and so the value, NaN (max_pd alone would turn it into 0): divergence stays visible.
    value = _mm256_sub_pd(_mm256_add_pd(_mm256_max_pd(z, zero), _ZGVdN4v_log1p(e)), _mm256_mul_pd(y, z));
#else
    alignas(32) double zs[4], ys[4], vs[4], ss[4];
    _mm256_store_pd(zs, z);
    _mm256_store_pd(ys, y);
    for (int k = 0; k < 4; ++k) LogLoss::apply(zs[k], ys[k], vs[k], ss[k]);
    value = _mm256_load_pd(vs);
    slope = _mm256_load_pd(ss);
#endif
  }
};

// How far ahead the kernel asks for rows: 16 rows (8 KB at d = 64). The hardware prefetcher follows a stream only
// within a 4 KB page; asking across the page boundary keeps the next rows coming.
constexpr int64_t kPrefetchRows = 16;

// Four rows at a time: their four scores, the loss and slope of all four in vector lanes, then four updates of the
// gradient sums. The rows (4·d doubles) stay in L1 between the scores and the updates.
template <class Loss>
TL_AVX2 void sums_avx2(const Rows& r, int64_t begin, int64_t end, double* sums) {
  const int64_t d = r.d;
  __m256d values = _mm256_setzero_pd(), slopes = _mm256_setzero_pd();
  int64_t i = begin;
  for (; i + 4 <= end; i += 4) {
    const double* x0 = r.x + i * d;
    const int64_t ahead = std::min(i + kPrefetchRows, end), stop = std::min(i + kPrefetchRows + 4, end);
    for (const double* p = r.x + ahead * d; p < r.x + stop * d; p += 8)  // the four rows 16 ahead, within the range
      _mm_prefetch(reinterpret_cast<const char*>(p), _MM_HINT_T0);       // one 64-byte line per 8 doubles
    __m256d z = _mm256_set_pd(dot(x0 + 3 * d, r.w, d), dot(x0 + 2 * d, r.w, d), dot(x0 + d, r.w, d), dot(x0, r.w, d));
    z = _mm256_add_pd(z, _mm256_set1_pd(r.b));
    __m256d value, slope;
    Lanes<Loss>::apply(z, _mm256_loadu_pd(r.y + i), value, slope);
    values = _mm256_add_pd(values, value);
    slopes = _mm256_add_pd(slopes, slope);
    alignas(32) double s[4];
    _mm256_store_pd(s, slope);
    axpy4(s, x0, d, sums);
  }
  sums[d] += horizontal_sum(slopes);
  sums[d + 1] += horizontal_sum(values);
  sums_scalar<Loss>(r, i, end, sums);  // the last rows when the range is not a multiple of four
}

bool has_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return yes;
}
#endif

template <class Loss>
void sums_of(const Rows& r, int64_t begin, int64_t end, double* sums) {
#if defined(TL_X86)
  if (has_avx2()) return sums_avx2<Loss>(r, begin, end, sums);
#endif
  sums_scalar<Loss>(r, begin, end, sums);
}

const double* float64_data(const torch::Tensor& t, const char* name) {
  TORCH_CHECK(t.scalar_type() == torch::kFloat64 && t.is_contiguous(), name, " must be a contiguous float64 tensor");
  return t.data_ptr<double>();
}
}  // namespace

// Writes to sums (d + 2 doubles) the sums of rows [start, start + count) of x (n×d) and y (n):
// sums[0..d) = Σ ℓ′ᵢxᵢ, sums[d] = Σ ℓ′ᵢ, sums[d + 1] = Σ ℓᵢ, at the parameters w (d) and b (a scalar tensor).
TL_EXPORT int tl_onepass_sums(int kind, TensorHandle x, TensorHandle y, TensorHandle w, TensorHandle b, int64_t start,
                              int64_t count, double* sums) {
  TL_GUARD({
    TORCH_CHECK(x->dim() == 2, "x must be a matrix");
    const int64_t n = x->size(0), d = x->size(1);
    TORCH_CHECK(y->dim() == 1 && y->size(0) == n, "y must be a vector of ", n);
    TORCH_CHECK(w->dim() == 1 && w->size(0) == d, "w must be a vector of ", d);
    TORCH_CHECK(start >= 0 && count >= 0 && start + count <= n, "rows [", start, ", ", start + count, ") are outside [0, ", n, ")");
    TORCH_CHECK(b->numel() == 1, "b must be a scalar");
    Rows rows{float64_data(*x, "x"), float64_data(*y, "y"), float64_data(*w, "w"), *float64_data(*b, "b"), d};
    std::fill(sums, sums + d + 2, 0.0);
    switch (kind) {
      case 0: sums_of<SquaredError>(rows, start, start + count, sums); break;
      case 1: sums_of<LogLoss>(rows, start, start + count, sums); break;
      default: throw std::invalid_argument("unknown model kind " + std::to_string(kind));
    }
  })
}
