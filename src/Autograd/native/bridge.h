// The shape every export shares. A tensor crosses the boundary as an opaque pointer to a heap copy of a
// torch::Tensor (TorchSharp's design). Every export returns 0 on success and 1 on failure; its body runs inside
// TL_GUARD, which catches c10::Error, std::exception and anything else and keeps the message in a thread-local
// slot that C# takes (and frees) with tl_take_error. No C++ exception ever crosses into .NET.
#pragma once
#include <torch/torch.h>
#include <cstdint>
#include <string>

#define TL_EXPORT extern "C" __attribute__((visibility("default")))

using TensorHandle = torch::Tensor*;

namespace tl {
void set_error(const char* message);

inline TensorHandle wrap(torch::Tensor t) { return new torch::Tensor(std::move(t)); }

// dtype codes shared with C#'s ScalarType: 0 = float64, 1 = float32, 2 = bool, 3 = int64.
torch::ScalarType to_dtype(int code);
int from_dtype(torch::ScalarType t);
}  // namespace tl

#define TL_GUARD(...)                                                        \
  try {                                                                      \
    __VA_ARGS__;                                                             \
    return 0;                                                                \
  } catch (const c10::Error& e) {                                            \
    tl::set_error(e.what_without_backtrace());                               \
  } catch (const std::exception& e) {                                        \
    tl::set_error(e.what());                                                 \
  } catch (...) {                                                            \
    tl::set_error("unknown C++ exception in libtorch");                      \
  }                                                                          \
  return 1;
