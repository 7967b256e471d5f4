// Creating tensors, reading them back, and their metadata.
#include "bridge.h"
#include <cstring>
#include <sys/mman.h>

namespace {
std::vector<int64_t> dims(const int64_t* shape, int ndim) { return std::vector<int64_t>(shape, shape + ndim); }
}

TL_EXPORT void tl_dispose(TensorHandle t) { delete t; }

namespace {
// Data sets of 32 MB and more are read from memory in long streams, epoch after epoch. Backing them with 2 MB pages
// (transparent huge pages; the kernel's default mode honours this advice) takes TLB misses out of those streams:
// 10–15% off a matrix–vector product of 1,000,000×64 on the 2-core benchmark machine (docs/benchmarks.md). Advised
// before the first touch, so the pages are huge from the start; where the advice is not supported it is ignored.
constexpr size_t kHugePageAdviceBytes = size_t{32} << 20;

void advise_huge_pages(void* data, size_t bytes) {
  if (bytes < kHugePageAdviceBytes) return;
  constexpr uintptr_t huge = uintptr_t{2} << 20;
  uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + huge - 1) & ~(huge - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(huge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}
}  // namespace

// A float64 tensor is allocated and filled by memcpy: a clone of a from_blob view would give the same tensor through
// the dispatcher and a TensorIterator copy, which costs microseconds on the tiny tensors of property tests.
TL_EXPORT int tl_from_doubles(const double* data, const int64_t* shape, int ndim, int dtype, TensorHandle* out) {
  TL_GUARD({
    auto target = tl::to_dtype(dtype);
    if (target == torch::kFloat64) {
      auto t = torch::empty(dims(shape, ndim), torch::TensorOptions().dtype(torch::kFloat64));
      advise_huge_pages(t.data_ptr(), sizeof(double) * t.numel());
      if (t.numel() > 0) std::memcpy(t.data_ptr<double>(), data, sizeof(double) * t.numel());
      *out = tl::wrap(std::move(t));
    } else {
      *out = tl::wrap(torch::from_blob(const_cast<double*>(data), dims(shape, ndim), torch::kFloat64).to(target));
    }
  })
}

TL_EXPORT int tl_scalar(double value, int dtype, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(torch::scalar_tensor(value, torch::TensorOptions().dtype(tl::to_dtype(dtype)))))
}

TL_EXPORT int tl_full(const int64_t* shape, int ndim, double value, int dtype, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(torch::full(dims(shape, ndim), value, torch::TensorOptions().dtype(tl::to_dtype(dtype)))))
}

TL_EXPORT int tl_randn(const int64_t* shape, int ndim, int dtype, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(torch::randn(dims(shape, ndim), torch::TensorOptions().dtype(tl::to_dtype(dtype)))))
}

TL_EXPORT int tl_rand(const int64_t* shape, int ndim, int dtype, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(torch::rand(dims(shape, ndim), torch::TensorOptions().dtype(tl::to_dtype(dtype)))))
}

// Copies the elements, converted to float64 and in row-major order, into dst of length count.
TL_EXPORT int tl_to_doubles(TensorHandle t, double* dst, int64_t count) {
  TL_GUARD({
    if (t->scalar_type() == torch::kFloat64 && t->is_contiguous()) {  // the common case: read in place, no new tensor
      TORCH_CHECK(t->numel() == count, "tensor has ", t->numel(), " elements, destination holds ", count);
      if (count > 0) std::memcpy(dst, t->data_ptr<double>(), sizeof(double) * count);
      return 0;
    }
    auto c = t->detach().to(torch::kFloat64).contiguous();
    TORCH_CHECK(c.numel() == count, "tensor has ", c.numel(), " elements, destination holds ", count);
    std::memcpy(dst, c.data_ptr<double>(), sizeof(double) * count);
  })
}

TL_EXPORT int tl_item(TensorHandle t, double* out) { TL_GUARD(*out = t->item<double>()) }

TL_EXPORT int tl_ndim(TensorHandle t, int* out) { TL_GUARD(*out = static_cast<int>(t->dim())) }

TL_EXPORT int tl_shape(TensorHandle t, int64_t* dst) {
  TL_GUARD({
    auto sizes = t->sizes();
    std::copy(sizes.begin(), sizes.end(), dst);
  })
}

TL_EXPORT int tl_dtype(TensorHandle t, int* out) { TL_GUARD(*out = tl::from_dtype(t->scalar_type())) }

// Always a copy (copy = true): without it, converting to the tensor's own dtype would return an alias of it.
TL_EXPORT int tl_to_dtype(TensorHandle t, int dtype, TensorHandle* out) {
  TL_GUARD(*out = tl::wrap(t->to(tl::to_dtype(dtype), /*non_blocking=*/false, /*copy=*/true)))
}

TL_EXPORT int tl_clone(TensorHandle t, TensorHandle* out) { TL_GUARD(*out = tl::wrap(t->clone())) }

TL_EXPORT int tl_detach(TensorHandle t, TensorHandle* out) { TL_GUARD(*out = tl::wrap(t->detach())) }

TL_EXPORT int tl_to_string(TensorHandle t, char** out) {
  TL_GUARD({
    std::ostringstream s;
    s << *t;
    *out = strdup(s.str().c_str());
  })
}
