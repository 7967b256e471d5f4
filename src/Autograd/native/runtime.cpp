// Errors, version, threads and seeds: the engine-wide state.
#include "bridge.h"
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>

namespace {
thread_local char* last_error = nullptr;

// A function of the BLAS library libtorch was linked with, looked up by name at run time, or null. OpenBLAS exports
// openblas_get_num_threads and openblas_set_num_threads; other BLAS libraries (MKL, the reference BLAS) do not, and
// then TensorLinear leaves their threads alone.
template <typename F>
F blas_function(const char* name) {
  void* f = dlsym(RTLD_DEFAULT, name);
  if (f == nullptr) {
    if (void* openblas = dlopen("libopenblas.so.0", RTLD_LAZY | RTLD_NOLOAD)) {  // only if already loaded
      f = dlsym(openblas, name);
      dlclose(openblas);
    }
  }
  return reinterpret_cast<F>(f);
}
}

namespace tl {
void set_error(const char* message) {
  std::free(last_error);
  last_error = strdup(message);
}

torch::ScalarType to_dtype(int code) {
  switch (code) {
    case 0: return torch::kFloat64;
    case 1: return torch::kFloat32;
    case 2: return torch::kBool;
    case 3: return torch::kInt64;
    default: throw std::invalid_argument("unsupported dtype code " + std::to_string(code));
  }
}

int from_dtype(torch::ScalarType t) {
  switch (t) {
    case torch::kFloat64: return 0;
    case torch::kFloat32: return 1;
    case torch::kBool: return 2;
    case torch::kInt64: return 3;
    default: throw std::invalid_argument(std::string("unsupported dtype ") + c10::toString(t));
  }
}
}  // namespace tl

// Hands the caller the message of the last failed call on this thread (or null) and clears the slot;
// the caller frees it with tl_free_string.
TL_EXPORT char* tl_take_error() {
  char* message = last_error;
  last_error = nullptr;
  return message;
}

TL_EXPORT void tl_free_string(char* s) { std::free(s); }

TL_EXPORT int tl_version(char** out) { TL_GUARD(*out = strdup(TORCH_VERSION)) }

TL_EXPORT int tl_get_num_threads(int* out) { TL_GUARD(*out = at::get_num_threads()) }

TL_EXPORT int tl_set_num_threads(int n) { TL_GUARD(at::set_num_threads(n)) }

// OpenBLAS's thread count, or 0 when the BLAS in use does not say (it is not OpenBLAS).
TL_EXPORT int tl_blas_get_num_threads(int* out) {
  TL_GUARD({
    auto get = blas_function<int (*)()>("openblas_get_num_threads");
    *out = get ? get() : 0;
  })
}

TL_EXPORT int tl_blas_set_num_threads(int n) {
  TL_GUARD({
    auto set = blas_function<void (*)(int)>("openblas_set_num_threads");
    TORCH_CHECK(set != nullptr, "the BLAS library in use is not OpenBLAS (it exports no openblas_set_num_threads); set its threads with its own environment variable");
    set(n);
  })
}

TL_EXPORT int tl_manual_seed(uint64_t seed) { TL_GUARD(torch::manual_seed(seed)) }

TL_EXPORT int tl_parallel_info(char** out) { TL_GUARD(*out = strdup(at::get_parallel_info().c_str())) }

TL_EXPORT int tl_get_grad_enabled(int* out) { TL_GUARD(*out = at::GradMode::is_enabled() ? 1 : 0) }

TL_EXPORT int tl_set_grad_enabled(int enabled) { TL_GUARD(at::GradMode::set_enabled(enabled != 0)) }
