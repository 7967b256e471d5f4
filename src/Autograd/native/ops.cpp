// Differentiable operations. Each export is one libtorch call; the macros only spell the common signatures.
#include "bridge.h"

using torch::Tensor;

#define TL_UNARY(name, expr) \
  TL_EXPORT int tl_##name(TensorHandle a, TensorHandle* out) { TL_GUARD(*out = tl::wrap(expr)) }
#define TL_BINARY(name, expr) \
  TL_EXPORT int tl_##name(TensorHandle a, TensorHandle b, TensorHandle* out) { TL_GUARD(*out = tl::wrap(expr)) }
#define TL_WITH_SCALAR(name, expr) \
  TL_EXPORT int tl_##name(TensorHandle a, double s, TensorHandle* out) { TL_GUARD(*out = tl::wrap(expr)) }

// Arithmetic with broadcasting; r-forms put the scalar on the left.
TL_BINARY(add, *a + *b)
TL_BINARY(sub, *a - *b)
TL_BINARY(mul, *a * *b)
TL_BINARY(div, *a / *b)
TL_BINARY(pow, a->pow(*b))
TL_WITH_SCALAR(add_scalar, *a + s)
TL_WITH_SCALAR(sub_scalar, *a - s)
TL_WITH_SCALAR(rsub_scalar, s - *a)
TL_WITH_SCALAR(mul_scalar, *a * s)
TL_WITH_SCALAR(div_scalar, *a / s)
TL_WITH_SCALAR(rdiv_scalar, s / *a)
TL_WITH_SCALAR(pow_scalar, a->pow(s))
TL_UNARY(neg, -*a)

// Products.
TL_BINARY(matmul, torch::matmul(*a, *b))
TL_BINARY(mv, torch::mv(*a, *b))
TL_BINARY(dot, torch::dot(*a, *b))

// Elementwise functions.
TL_UNARY(abs, a->abs())
TL_UNARY(sign, a->sign())
TL_UNARY(sqrt, a->sqrt())
TL_UNARY(exp, a->exp())
TL_UNARY(log, a->log())
TL_UNARY(log1p, a->log1p())
TL_UNARY(sigmoid, a->sigmoid())
TL_UNARY(log_sigmoid, torch::log_sigmoid(*a))
TL_UNARY(softplus, torch::softplus(*a))
TL_BINARY(atan2, torch::atan2(*a, *b))  // atan2(a, b): the angle of the point (b, a), in (−π, π]
TL_BINARY(maximum, torch::maximum(*a, *b))
TL_BINARY(minimum, torch::minimum(*a, *b))

// Clamps to [lo, hi]; a NaN bound means no bound on that side.
TL_EXPORT int tl_clamp(TensorHandle a, double lo, double hi, TensorHandle* out) {
  TL_GUARD({
    c10::optional<torch::Scalar> min = std::isnan(lo) ? c10::nullopt : c10::optional<torch::Scalar>(lo);
    c10::optional<torch::Scalar> max = std::isnan(hi) ? c10::nullopt : c10::optional<torch::Scalar>(hi);
    *out = tl::wrap(torch::clamp(*a, min, max));
  })
}

TL_EXPORT int tl_where(TensorHandle mask, TensorHandle a, TensorHandle b, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(torch::where(*mask, *a, *b)))
}

// Comparisons giving boolean masks: op 0 ==, 1 !=, 2 <, 3 <=, 4 >, 5 >=. The number form compares against a
// torch::Scalar, so that libtorch promotes types (an int64 tensor against 2.5 compares with 2.5, not 2).
namespace {
template <typename Other>
Tensor compare(const Tensor& a, const Other& b, int op) {
  switch (op) {
    case 0: return a.eq(b);
    case 1: return a.ne(b);
    case 2: return a.lt(b);
    case 3: return a.le(b);
    case 4: return a.gt(b);
    case 5: return a.ge(b);
    default: throw std::invalid_argument("unknown comparison " + std::to_string(op));
  }
}
}  // namespace

TL_EXPORT int tl_compare(TensorHandle a, TensorHandle b, int op, TensorHandle* out) { TL_GUARD(*out = tl::wrap(compare(*a, *b, op))) }

TL_EXPORT int tl_compare_scalar(TensorHandle a, double s, int op, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(compare(*a, torch::Scalar(s), op)))
}

// Reductions.
TL_UNARY(sum, a->sum())
TL_UNARY(mean, a->mean())
TL_UNARY(max_all, a->max())
TL_UNARY(min_all, a->min())

TL_EXPORT int tl_sum_dim(TensorHandle a, int64_t dim, int keepdim, TensorHandle* out) { TL_GUARD(*out = tl::wrap(a->sum(dim, keepdim != 0))) }

TL_EXPORT int tl_mean_dim(TensorHandle a, int64_t dim, int keepdim, TensorHandle* out) { TL_GUARD(*out = tl::wrap(a->mean(dim, keepdim != 0))) }

// The vector p-norm of all elements (has_dim = 0) or along dimension dim (negative counts from the end, as
// everywhere in libtorch); p may be +inf.
//
// libtorch 1.13 sums |xᵢ|ᵖ directly, so ‖[1e200, 1e200]‖₂ overflows to inf and ‖[1e-200, 1e-200]‖₂ underflows to 0.
// Here ‖x‖ₚ = s·‖x/s‖ₚ with s a power of two near max|xᵢ| (1 when that is 0, inf or NaN), so |xᵢ/s|ᵖ can neither
// overflow nor underflow. Dividing and multiplying by a power of two is exact, so for every input that did not
// overflow or underflow before, the value and the gradient are bit for bit what they were. s is computed from
// detached values: a constant to autograd, so the gradient is still x/‖x‖ (for p = 2) and never NaN.
//
// libtorch 1.13's norm kernel also rounds a fractional order p to float32: for p = 4.109264943380499 its ‖x‖ₚ is off
// by 8e-12 relative (the reference, and pow and sum in double, agree to the last bit), and its gradient, evaluated at
// that norm, by 2e-11. So for an order that float32 cannot hold, the norm is composed here from pow and sum in double,
// (Σᵢ|xᵢ|ᵖ)^(1/p). At x = 0 the root's derivative is infinite: the sum is replaced by 1 there and the root multiplied
// by 0, so that the value is 0 and the gradient 0, as linalg's norm backward gives.
namespace {
bool rounds_order(double p) { return std::isfinite(p) && p > 1.0 && static_cast<double>(static_cast<float>(p)) != p; }

Tensor power_sum_norm(const Tensor& b, double p, c10::optional<int64_t> dim, bool keepdim) {
  Tensor powers = b.abs().pow(p);
  std::vector<int64_t> all(static_cast<size_t>(b.dim()));
  for (int64_t k = 0; k < b.dim(); ++k) all[static_cast<size_t>(k)] = k;
  Tensor sum = dim ? powers.sum(*dim, keepdim) : (keepdim ? powers.sum(all, true) : powers.sum());
  Tensor positive = sum > 0;
  return torch::where(positive, sum, torch::ones_like(sum)).pow(1.0 / p) * positive.to(sum.scalar_type());
}

Tensor vector_norm(const Tensor& a, double p, c10::optional<int64_t> dim, bool keepdim) {
  std::vector<int64_t> d;
  c10::optional<c10::IntArrayRef> dims = c10::nullopt;
  if (dim) {
    d.push_back(*dim);
    dims = c10::IntArrayRef(d);
  }
  const bool scale = a.is_floating_point() && a.numel() > 0 && std::isfinite(p) && p > 0 && p != 1;
  if (!scale) return torch::linalg_vector_norm(a, p, dims, keepdim, c10::nullopt);
  if (p == 2 && a.scalar_type() == torch::kFloat64) {
    // Where every norm lies in [1e-150, 1e150] no square overflowed or fell below the normal range, so the plain
    // norm is the scaled one to the last bit (the scaling is by powers of two) and one kernel is enough.
    Tensor plain = torch::linalg_vector_norm(a, p, dims, keepdim, c10::nullopt);
    Tensor v = plain.detach();
    if ((v >= 1e-150).logical_and(v <= 1e150).all().item<bool>()) return plain;
  }
  Tensor m = dim ? a.detach().abs().amax(*dim, /*keepdim=*/true) : a.detach().abs().max();
  Tensor s = torch::where(torch::isfinite(m) & (m > 0), torch::exp2(torch::floor(torch::log2(m))), torch::ones_like(m));
  Tensor n = rounds_order(p) ? power_sum_norm(a / s, p, dim, keepdim) : torch::linalg_vector_norm(a / s, p, dims, keepdim, c10::nullopt);
  return n * ((dim && !keepdim) ? s.squeeze(*dim) : s);
}
}  // namespace

TL_EXPORT int tl_vector_norm(TensorHandle a, double p, int has_dim, int64_t dim, int keepdim, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(vector_norm(*a, p, has_dim != 0 ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0)))
}

// Shapes.
TL_EXPORT int tl_transpose(TensorHandle a, int64_t d0, int64_t d1, TensorHandle* out) { TL_GUARD(*out = tl::wrap(a->transpose(d0, d1))) }

TL_EXPORT int tl_reshape(TensorHandle a, const int64_t* shape, int ndim, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(a->reshape(c10::IntArrayRef(shape, ndim))))
}

TL_EXPORT int tl_narrow(TensorHandle a, int64_t dim, int64_t start, int64_t length, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(a->narrow(dim, start, length)))
}

TL_EXPORT int tl_select(TensorHandle a, int64_t dim, int64_t index, TensorHandle* out) { TL_GUARD(*out = tl::wrap(a->select(dim, index))) }

TL_EXPORT int tl_cat(const TensorHandle* parts, int count, int64_t dim, TensorHandle* out) {
  TL_GUARD({
    std::vector<Tensor> ts;
    ts.reserve(count);
    for (int i = 0; i < count; ++i) ts.push_back(*parts[i]);
    *out = tl::wrap(torch::cat(ts, dim));
  })
}

// Losses; reduction 0 none, 1 mean, 2 sum (at::Reduction's codes).
TL_EXPORT int tl_bce_with_logits(TensorHandle logits, TensorHandle target, int reduction, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(torch::binary_cross_entropy_with_logits(*logits, *target, {}, {}, reduction)))
}

// Binary cross-entropy from probabilities; libtorch clamps each log at −100 and, in the gradient, the denominator
// p(1 − p) at 1e-12.
TL_EXPORT int tl_bce(TensorHandle probabilities, TensorHandle target, int reduction, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(torch::binary_cross_entropy(*probabilities, *target, {}, reduction)))
}

TL_EXPORT int tl_mse_loss(TensorHandle input, TensorHandle target, int reduction, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(torch::mse_loss(*input, *target, reduction)))
}

// In-place updates, for optimisers stepping under no-grad: a ← a − alpha·b, and a ← b.
TL_EXPORT int tl_sub_scaled_(TensorHandle a, TensorHandle b, double alpha) { TL_GUARD(a->sub_(*b, alpha)) }

TL_EXPORT int tl_copy_(TensorHandle a, TensorHandle b) { TL_GUARD(a->copy_(*b)) }
