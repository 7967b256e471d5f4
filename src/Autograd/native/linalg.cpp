// Factorisations (LAPACK through libtorch), for closed-form least squares.
#include "bridge.h"

// The upper-triangular factor R of the Householder QR factorisation a = QR (LAPACK geqrf), reduced: k×n for an
// m×n matrix, k = min(m, n). Batched over leading dimensions. Q is not formed.
TL_EXPORT int tl_linalg_qr_r(TensorHandle a, TensorHandle* out) { TL_GUARD(*out = tl::wrap(std::get<1>(torch::linalg_qr(*a, "r")))) }

