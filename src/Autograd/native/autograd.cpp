// Autograd: marking leaves, backward, gradients, and torch.autograd.grad for higher derivatives.
#include "bridge.h"

TL_EXPORT int tl_set_requires_grad(TensorHandle t, int requires) { TL_GUARD(t->set_requires_grad(requires != 0)) }

TL_EXPORT int tl_requires_grad(TensorHandle t, int* out) { TL_GUARD(*out = t->requires_grad() ? 1 : 0) }

// Backward from t with an optional upstream gradient (null for a scalar t).
TL_EXPORT int tl_backward(TensorHandle t, TensorHandle upstream, int retain_graph, int create_graph) {
  TL_GUARD(t->backward(upstream ? *upstream : torch::Tensor(), retain_graph != 0, create_graph != 0))
}

// The accumulated gradient of a leaf, or null when it has none yet.
TL_EXPORT int tl_grad(TensorHandle t, TensorHandle* out) {
  TL_GUARD({
    auto g = t->grad();
    *out = g.defined() ? tl::wrap(g) : nullptr;
  })
}

TL_EXPORT int tl_zero_grad(TensorHandle t) {
  TL_GUARD({
    auto& g = t->mutable_grad();
    if (g.defined()) {
      g = g.detach();
      g.zero_();
    }
  })
}

// d outputs / d inputs. upstream may be null (scalar outputs) or hold one tensor per output. An input the outputs
// do not depend on yields a zero tensor of its shape, so callers never see an undefined gradient.
TL_EXPORT int tl_autograd_grad(const TensorHandle* outputs, int n_outputs, const TensorHandle* inputs, int n_inputs,
                               const TensorHandle* upstream, int retain_graph, int create_graph, TensorHandle* results) {
  TL_GUARD({
    std::vector<torch::Tensor> outs, ins, ups;
    for (int i = 0; i < n_outputs; ++i) outs.push_back(*outputs[i]);
    for (int i = 0; i < n_inputs; ++i) ins.push_back(*inputs[i]);
    if (upstream)
      for (int i = 0; i < n_outputs; ++i) ups.push_back(*upstream[i]);
    auto grads = torch::autograd::grad(outs, ins, ups, retain_graph != 0, create_graph != 0, /*allow_unused=*/true);
    for (int i = 0; i < n_inputs; ++i) results[i] = tl::wrap(grads[i].defined() ? grads[i] : torch::zeros_like(ins[i]));
  })
}
